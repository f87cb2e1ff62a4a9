import path from "node:path";
import { z } from "zod";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";
import { ZSocCode, ZText } from "../cells";
import type { DatasetImporter } from "../dataset-importer";
import { parseRow } from "../parse-row";
import { readCsv } from "../read-csv";
import { describeFiles, registerRelease } from "../register-release";
import { syncReleaseRows } from "../sync-release-rows";

const FILE = "bls/2019_to_SOC_Crosswalk.csv";

const ZCrosswalkRow = z.object({
  "O*NET-SOC 2019 Code": ZOnetSocCodeSchema,
  "O*NET-SOC 2019 Title": ZText,
  "2018 SOC Code": ZSocCode,
  "2018 SOC Title": ZText,
});

/** O*NET-SOC 2019 → SOC 2018: how BLS figures (keyed by SOC) reach O*NET occupations. */
export const onetSocCrosswalkImporter: DatasetImporter = {
  dataset: "onet-soc-crosswalk",
  requiredFiles: [FILE],
  async import(context) {
    const { releaseId } = await registerRelease(
      context.client,
      {
        dataset: "onet-soc-crosswalk",
        name: "O*NET-SOC 2019 to 2018 SOC Crosswalk",
        publisher: "National Center for O*NET Development (USDOL/ETA)",
        version: "2019",
        referencePeriod: "O*NET-SOC 2019 taxonomy",
        releasedOn: "2019-11-01",
        license: "CC BY 4.0",
        sourceUrl: "https://www.onetcenter.org/taxonomy/2019/soc.html",
        citation: "O*NET-SOC 2019 to 2018 SOC Crosswalk, O*NET Resource Center, USDOL/ETA. Used under CC BY 4.0.",
      },
      await describeFiles(context.dir, [FILE]),
    );
    const progress = context.report.progress(FILE);
    const records = await readCsv(path.join(context.dir, FILE), FILE, Object.keys(ZCrosswalkRow.shape));
    const rows = records.map(({ line, record }) => {
      const source = { file: FILE, line };
      const row = parseRow(ZCrosswalkRow, record, source);
      return {
        source,
        row: {
          releaseId,
          onetCode: row["O*NET-SOC 2019 Code"],
          onetTitle: row["O*NET-SOC 2019 Title"],
          socCode: row["2018 SOC Code"],
          socTitle: row["2018 SOC Title"],
        },
      };
    });
    progress.advance(rows.length);
    progress.finish();
    const counts = await syncReleaseRows({ client: context.client, table: "SocCrosswalk", releaseId, key: ["releaseId", "onetCode"], rows });
    context.report.recordTable("onet-soc-crosswalk", "SocCrosswalk", counts);
  },
};
