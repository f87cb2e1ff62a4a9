import { onetSocCrosswalkImporter } from "./crosswalks/import-onet-soc-crosswalk";
import type { DatasetImporter } from "./dataset-importer";
import { onetImporter } from "./onet/import-onet";

/**
 * Every dataset, in import order: the crosswalk first (occupations take their SOC code
 * from it), then O*NET, then the BLS and AI-exposure files keyed by SOC codes.
 */
export const datasetImporters: readonly DatasetImporter[] = [onetSocCrosswalkImporter, onetImporter];
