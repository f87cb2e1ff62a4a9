import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/integration/database";
import { resolveDataDir } from "../data-dir";
import { ImportReport } from "../import-report";
import { runImport } from "../run-import";
import { eloundouImporter } from "./import-eloundou";
import { aioeImporter, aioeLmImporter } from "./import-felten";
import { msApplicabilityImporter } from "./import-microsoft";

// The shared official files, when this machine has them (DATA_DIR or ../shared/datasets).
const dir = resolveDataDir();
const present = dir !== null && ["ai/AIOE_DataAppendix.xlsx", "ai/occ_level.csv", "ai/soc_ai_applicability_scores.csv", "bls/soc_2010_to_2018_crosswalk.xlsx"].every((file) => existsSync(path.join(dir, file)));
if (!present) console.warn("Skipping the real-file AI-exposure checks: the ai/ files or bls/soc_2010_to_2018_crosswalk.xlsx are absent (set DATA_DIR).");

describe.skipIf(!present)("AI exposure from the real files", () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    const importers = [aioeImporter, aioeLmImporter, eloundouImporter, msApplicabilityImporter];
    const { failed } = await runImport({ databaseUrl: database.url, dir: dir!, importers, report: new ImportReport(() => {}) });
    expect(failed).toEqual([]);
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  const value = async (metric: string, code: string) =>
    (await client.query(`SELECT "value", "percentile", "sourceCodes" FROM "AiExposure" WHERE "metric" = $1 AND "code" = $2`, [metric, code])).rows[0];

  it("matches ai/SOURCE.md for Information Security", async () => {
    expect(await value("FELTEN_AIOE", "15-1212")).toMatchObject({ value: 1.250146, sourceCodes: ["15-1122"] });
    // 15-1299 receives 15-1199 (1.2327) and 43-9011 Computer Operators (0.7041): the mean.
    const merged = await value("FELTEN_AIOE", "15-1299");
    expect(merged.sourceCodes).toEqual(["15-1199", "43-9011"]);
    expect(merged.value).toBeCloseTo((1.232705 + 0.7040519) / 2, 6);
    // 13-1082 is a successor of the split 15-1199, among others.
    expect((await value("FELTEN_AIOE", "13-1082")).sourceCodes).toContain("15-1199");
    const gamma = await value("ELOUNDOU_GAMMA", "15-1299.05");
    expect(gamma).toMatchObject({ value: 1, percentile: 100 });
    const tied = await client.query(`SELECT count(*)::int AS n FROM "AiExposure" WHERE "metric" = 'ELOUNDOU_GAMMA' AND "percentile" = 100`);
    expect(tied.rows[0].n).toBe(85);
    expect((await value("MS_APPLICABILITY", "15-1299")).value).toBeCloseTo(0.2995, 4);
    expect((await value("MS_APPLICABILITY", "15-1299")).percentile).toBeCloseTo(85.9, 1);
  });
});
