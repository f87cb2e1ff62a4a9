import type { ImportContext } from "../dataset-importer";
import type { RowLocation } from "../parse-row";
import { percentileOf, sortAscending } from "../percentile";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";

export type AiMetric = "FELTEN_AIOE" | "FELTEN_LM_AIOE" | "ELOUNDOU_ALPHA" | "ELOUNDOU_BETA" | "ELOUNDOU_GAMMA" | "MS_APPLICABILITY";

export interface ExposureValue {
  code: string;
  value: number;
  /** Codes of the file the value came from, when they differ from `code`. */
  sourceCodes: string[];
  source: RowLocation;
}

export type ExposureRow = {
  releaseId: number;
  metric: AiMetric;
  code: string;
  codeSystem: string;
  value: number;
  percentile: number;
  sourceCodes: string[];
};

/**
 * AiExposure rows with each value's percentile among `fileValues`: every value of the
 * file as published, before any mapping to other codes. A value that is not itself in
 * the file (the mean of merged SOC 2010 codes) is placed among the file's values the same way.
 */
export function exposureRows(
  releaseId: number,
  metric: AiMetric,
  codeSystem: string,
  values: readonly ExposureValue[],
  fileValues: readonly number[],
): SourcedRow<ExposureRow>[] {
  const sorted = sortAscending(fileValues);
  return values.map(({ code, value, sourceCodes, source }) => ({
    source,
    row: { releaseId, metric, code, codeSystem, value, percentile: percentileOf(sorted, value), sourceCodes },
  }));
}

/** Makes the release's AiExposure rows equal to `rows` (all metrics of the release at once). */
export async function syncExposureRows(
  context: ImportContext,
  dataset: string,
  releaseId: number,
  rows: readonly SourcedRow<ExposureRow>[],
  skipped?: Map<string, number>,
) {
  const counts = await syncReleaseRows({ client: context.client, table: "AiExposure", releaseId, key: ["releaseId", "metric", "code"], rows });
  context.report.recordTable(dataset, "AiExposure", counts, skipped);
}
