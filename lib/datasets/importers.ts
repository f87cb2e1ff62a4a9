import { eloundouImporter } from "./ai-exposure/import-eloundou";
import { aioeImporter, aioeLmImporter } from "./ai-exposure/import-felten";
import { msApplicabilityImporter } from "./ai-exposure/import-microsoft";
import { onetSocCrosswalkImporter } from "./crosswalks/import-onet-soc-crosswalk";
import type { DatasetImporter } from "./dataset-importer";
import { onetImporter } from "./onet/import-onet";
import { oewsImporter } from "./oews/import-oews";
import { projectionsImporter } from "./projections/import-projections";
import { costsImporter } from "./costs/import-costs";
import { interestProfilerImporter } from "./interest-profiler/import-interest-profiler";
import { videosImporter } from "./videos/import-videos";

/**
 * Every dataset, in import order: the crosswalk first (occupations take their SOC code
 * from it), then O*NET, then the BLS and AI-exposure files keyed by SOC codes.
 */
export const datasetImporters: readonly DatasetImporter[] = [
  onetSocCrosswalkImporter,
  onetImporter,
  oewsImporter,
  projectionsImporter,
  aioeImporter,
  aioeLmImporter,
  eloundouImporter,
  msApplicabilityImporter,
  videosImporter,
  costsImporter,
  interestProfilerImporter,
];
