import path from "node:path";
import { z } from "zod";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";
import { ZNumberText, ZText } from "../cells";
import type { DatasetImporter } from "../dataset-importer";
import { parseRow } from "../parse-row";
import { readCsv } from "../read-csv";
import { describeFiles, registerRelease } from "../register-release";
import { exposureRows, syncExposureRows, type AiMetric, type ExposureValue } from "./exposure-rows";
import { ELOUNDOU_RELEASE } from "./releases";

const FILE = "ai/occ_level.csv";

/** A share of an occupation's tasks, 0 to 1. */
const ZShare = ZNumberText.pipe(z.number().min(0, "expected a share from 0 to 1").max(1, "expected a share from 0 to 1"));

const ZEloundouRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  Title: ZText,
  dv_rating_alpha: ZShare,
  dv_rating_beta: ZShare,
  dv_rating_gamma: ZShare,
});

/** GPT-4 ratings: α = E1, β = E1 + ½E2, γ = E1 + E2 (the human ratings are not stored). */
const METRICS: [AiMetric, "dv_rating_alpha" | "dv_rating_beta" | "dv_rating_gamma"][] = [
  ["ELOUNDOU_ALPHA", "dv_rating_alpha"],
  ["ELOUNDOU_BETA", "dv_rating_beta"],
  ["ELOUNDOU_GAMMA", "dv_rating_gamma"],
];

/** Eloundou et al.'s occupation-level exposure, keyed by O*NET-SOC 2019 code as published. */
export const eloundouImporter: DatasetImporter = {
  dataset: "eloundou",
  requiredFiles: [FILE],
  async import(context) {
    const { releaseId } = await registerRelease(context.client, ELOUNDOU_RELEASE, await describeFiles(context.dir, [FILE]));
    const progress = context.report.progress(FILE);
    const records = await readCsv(path.join(context.dir, FILE), FILE, Object.keys(ZEloundouRow.shape));
    const parsed = records.map(({ line, record }) => {
      const source = { file: FILE, line };
      return { source, row: parseRow(ZEloundouRow, record, source) };
    });
    progress.advance(parsed.length);
    progress.finish();
    const rows = METRICS.flatMap(([metric, column]) => {
      const values: ExposureValue[] = parsed.map(({ source, row }) => ({ code: row["O*NET-SOC Code"], value: row[column], sourceCodes: [], source }));
      return exposureRows(releaseId, metric, "O*NET-SOC 2019", values, values.map((value) => value.value));
    });
    await syncExposureRows(context, "eloundou", releaseId, rows);
  },
};
