import path from "node:path";
import { z } from "zod";
import { ZNumberText, ZSocCode, ZText } from "../cells";
import type { DatasetImporter } from "../dataset-importer";
import { parseRow } from "../parse-row";
import { readCsv } from "../read-csv";
import { describeFiles, registerRelease } from "../register-release";
import { exposureRows, syncExposureRows, type ExposureValue } from "./exposure-rows";
import { MS_APPLICABILITY_RELEASE } from "./releases";

const FILE = "ai/soc_ai_applicability_scores.csv";

const ZMicrosoftRow = z.object({
  "SOC Code": ZSocCode,
  title: ZText,
  ai_applicability_score: ZNumberText.pipe(z.number().min(0, "expected a score from 0 to 1").max(1, "expected a score from 0 to 1")),
});

/** Microsoft Research's AI applicability score, keyed by SOC 2018 code as published. */
export const msApplicabilityImporter: DatasetImporter = {
  dataset: "ms-ai-applicability",
  requiredFiles: [FILE],
  async import(context) {
    const { releaseId } = await registerRelease(context.client, MS_APPLICABILITY_RELEASE, await describeFiles(context.dir, [FILE]));
    const progress = context.report.progress(FILE);
    const records = await readCsv(path.join(context.dir, FILE), FILE, Object.keys(ZMicrosoftRow.shape));
    const values: ExposureValue[] = records.map(({ line, record }) => {
      const source = { file: FILE, line };
      const row = parseRow(ZMicrosoftRow, record, source);
      return { code: row["SOC Code"], value: row.ai_applicability_score, sourceCodes: [], source };
    });
    progress.advance(values.length);
    progress.finish();
    const rows = exposureRows(releaseId, "MS_APPLICABILITY", "SOC 2018", values, values.map((value) => value.value));
    await syncExposureRows(context, "ms-ai-applicability", releaseId, rows);
  },
};
