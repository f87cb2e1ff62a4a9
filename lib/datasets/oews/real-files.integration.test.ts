import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/integration/database";
import { resolveDataDir } from "../data-dir";
import { ImportReport } from "../import-report";
import { projectionsImporter } from "../projections/import-projections";
import { runImport } from "../run-import";
import { oewsImporter } from "./import-oews";

// The shared official files, when this machine has them (DATA_DIR or ../shared/datasets).
const dir = resolveDataDir();
const present = dir !== null && existsSync(path.join(dir, "bls", "national_M2024_dl.xlsx")) && existsSync(path.join(dir, "bls", "occupation.xlsx"));
const statePresent = present && existsSync(path.join(dir!, "bls", "oews_state_M2024.csv"));
if (present && !statePresent) console.warn("Skipping the real-file OEWS state check: no bls/oews_state_M2024.csv.");
if (!present) console.warn("Skipping the real-file OEWS/projections checks: no bls/ folder with national_M2024_dl.xlsx and occupation.xlsx (set DATA_DIR).");

describe.skipIf(!present)("OEWS and projections from the real BLS files", () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { failed } = await runImport({ databaseUrl: database.url, dir: dir!, importers: [oewsImporter, projectionsImporter], report: new ImportReport(() => {}) });
    expect(failed).toEqual([]);
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it("matches the figures BLS publishes for 15-1299 (datasets/README.md)", async () => {
    const wages = await client.query(
      `SELECT r."version", w."employment", w."annualMedian", w."annualP10", w."annualP90" FROM "Wage" w JOIN "DatasetRelease" r ON r."id" = w."releaseId"
       WHERE w."socCode" = '15-1299' AND w."areaCode" = '99' ORDER BY r."releasedOn" DESC`,
    );
    expect(wages.rows).toEqual([
      { version: "May 2024", employment: 439380, annualMedian: 108970, annualP10: 52650, annualP90: 176800 },
      { version: "May 2023", employment: 437170, annualMedian: 104920, annualP10: 49690, annualP90: 174300 },
    ]);
    const projection = await client.query(`SELECT * FROM "Projection" WHERE "socCode" = '15-1299'`);
    expect(projection.rows[0]).toMatchObject({
      employmentBase: 472, employmentProjected: 510.5, changePercent: 8.2, annualOpenings: 31.3,
      entryEducation: "Bachelor's degree", workExperience: "None", onTheJobTraining: "None",
    });
  });

  it("keeps all 1,403 OEWS rows per year (the 7 codes BLS lists as broad and detailed once each)", async () => {
    const counts = await client.query(`SELECT r."version", count(*)::int AS n FROM "Wage" w JOIN "DatasetRelease" r ON r."id" = w."releaseId" WHERE w."areaCode" = '99' GROUP BY 1 ORDER BY 1`);
    expect(counts.rows).toEqual([{ version: "May 2023", n: 1396 }, { version: "May 2024", n: 1396 }]);
    const projections = await client.query(`SELECT "occupationType", count(*)::int AS n FROM "Projection" GROUP BY 1 ORDER BY 1`);
    expect(projections.rows).toEqual([{ occupationType: "Line item", n: 832 }, { occupationType: "Summary", n: 281 }]);
  });

  it.skipIf(!statePresent)("imports every row of bls/oews_state_M2024.csv, California's 15-1299 as BLS publishes it", async () => {
    const states = await client.query(`SELECT count(*)::int AS n, count(DISTINCT "areaCode")::int AS areas FROM "Wage" WHERE "areaCode" <> '99'`);
    expect(states.rows[0]).toEqual({ n: 35_427, areas: 51 });
    const california = await client.query(`SELECT "areaTitle", "state", "employment", "annualMedian" FROM "Wage" WHERE "areaCode" = '06' AND "socCode" = '15-1299'`);
    expect(california.rows).toEqual([{ areaTitle: "California", state: "CA", employment: 85_270, annualMedian: 128_750 }]);
  });
});
