import path from "node:path";
import { z } from "zod";
import { ZCellNumber, ZCellText, ZSocCode } from "../cells";
import type { DatasetImporter, ImportContext } from "../dataset-importer";
import { DatasetFileError } from "../dataset-error";
import { parseRow } from "../parse-row";
import { readWorkbookSheet } from "../read-workbook";
import { describeFiles, registerRelease, type ReleaseMetadata } from "../register-release";
import { exposureRows, syncExposureRows, type AiMetric, type ExposureValue } from "./exposure-rows";
import { mapSoc2010ToSoc2018 } from "./map-soc-2010";
import { AIOE_LM_RELEASE, AIOE_RELEASE } from "./releases";
import { readSoc2010Crosswalk, SOC_2010_CROSSWALK_FILE } from "./soc-2010-crosswalk";

/** A Felten sheet: SOC 2010 code and title; the index itself is in a column named per file (see ZFeltenValue). */
const ZFeltenRow = z.object({ "SOC Code": ZSocCode, "Occupation Title": ZCellText });

/** The index column of one Felten sheet ("AIOE", "Language Modeling AIOE"). */
const ZFeltenValue = (valueColumn: string) => z.object({ [valueColumn]: ZCellNumber });

interface FeltenSource {
  release: ReleaseMetadata;
  metric: AiMetric;
  file: string;
  sheet: string;
  valueColumn: string;
}

/**
 * Felten, Raj & Seamans's AIOE indices, published by SOC 2010 code and stored by SOC 2018
 * code (see mapSoc2010ToSoc2018). Percentiles are taken among the file's 774 values as
 * published; a merged mean is placed among those same values.
 */
function feltenImporter(source: FeltenSource): DatasetImporter {
  return {
    dataset: source.release.dataset,
    requiredFiles: [source.file, SOC_2010_CROSSWALK_FILE],
    async import(context) {
      const { releaseId } = await registerRelease(context.client, source.release, await describeFiles(context.dir, [source.file, SOC_2010_CROSSWALK_FILE]));
      const progress = context.report.progress(source.file);
      const values = await readFeltenSheet(context, source);
      const skipped = new Map<string, number>();
      const successors = await readSoc2010Crosswalk(context, skipped);
      progress.advance(values.length);
      progress.finish();
      const mapped = mapSoc2010ToSoc2018(values, successors, skipped);
      const rows = exposureRows(releaseId, source.metric, "SOC 2018", mapped, values.map((value) => value.value));
      await syncExposureRows(context, source.release.dataset, releaseId, rows, skipped);
    },
  };
}

async function readFeltenSheet(context: ImportContext, { file, sheet, valueColumn }: FeltenSource): Promise<ExposureValue[]> {
  const ZValue = ZFeltenValue(valueColumn);
  const records = await readWorkbookSheet(path.join(context.dir, file), file, sheet, 1, [...Object.keys(ZFeltenRow.shape), valueColumn]);
  const lineOfCode = new Map<string, number>();
  return records.map(({ line, record }) => {
    const source = { file: `${file} [${sheet}]`, line };
    const row = parseRow(ZFeltenRow, record, source);
    // A code listed twice would silently count twice in the mean of merged codes.
    const earlier = lineOfCode.get(row["SOC Code"]);
    if (earlier !== undefined) throw new DatasetFileError(source.file, line, "SOC Code", `repeats ${row["SOC Code"]}, already on line ${earlier}`);
    lineOfCode.set(row["SOC Code"], line);
    return { code: row["SOC Code"], value: parseRow(ZValue, record, source)[valueColumn]!, sourceCodes: [], source };
  });
}

export const aioeImporter = feltenImporter({
  release: AIOE_RELEASE,
  metric: "FELTEN_AIOE",
  file: "ai/AIOE_DataAppendix.xlsx",
  sheet: "Appendix A",
  valueColumn: "AIOE",
});

/** Optional: skipped (and reported) when the folder lacks the file. */
export const aioeLmImporter = feltenImporter({
  release: AIOE_LM_RELEASE,
  metric: "FELTEN_LM_AIOE",
  file: "ai/Language Modeling AIOE and AIIE.xlsx",
  sheet: "LM AIOE",
  valueColumn: "Language Modeling AIOE",
});
