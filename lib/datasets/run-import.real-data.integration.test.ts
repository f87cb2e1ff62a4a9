import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@/tests/support/integration/database";
import { createRealDataDatabase, realDataDir, realDataPresent } from "@/tests/support/integration/real-data";
import { ImportReport } from "./import-report";
import { runImport } from "./run-import";

// The whole pipeline on the shared official files; the import itself runs once per test run
// (tests/support/integration/real-data.ts fails loudly if any dataset does not import).
describe.skipIf(!realDataPresent)("importing the real official datasets", () => {
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    database = await createRealDataDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  }, 300_000);

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it("records a release for every dataset in the folder", async () => {
    const releases = await client.query<{ dataset: string }>(`SELECT "dataset" FROM "DatasetRelease" ORDER BY 1`);
    expect(new Set(releases.rows.map((row) => row.dataset))).toEqual(
      new Set(["onet-soc-crosswalk", "onet", "oews", "projections", "aioe", "aioe-lm", "eloundou", "ms-ai-applicability", "career-videos", "nces-costs", "onet-interest-profiler"]),
    );
  });

  it("serves every O*NET occupation, with Information Security Engineers as published", async () => {
    const count = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Occupation"`);
    expect(count.rows[0]?.n).toBe(1016);
    const role = await client.query(`SELECT "slug", "title", "socCode", "majorGroup" FROM "Occupation" WHERE "code" = '15-1299.05'`);
    expect(role.rows[0]).toEqual({ slug: "information-security-engineers", title: "Information Security Engineers", socCode: "15-1299", majorGroup: "15" });
    // 20 tasks in each O*NET release on hand (29.3 in onet/, 30.1 in onet-30.1/), both kept.
    const tasks = await client.query<{ version: string; n: number }>(
      `SELECT r."version", count(*)::int AS n FROM "Task" t JOIN "DatasetRelease" r ON r."id" = t."releaseId" WHERE t."occupationCode" = '15-1299.05' GROUP BY 1 ORDER BY 1`,
    );
    expect(tasks.rows).toEqual([
      { version: "29.3", n: 20 },
      { version: "30.1", n: 20 },
    ]);
  });

  it("changes 0 rows when the same files are imported again", async () => {
    const secondRun = await runImport({ databaseUrl: database.url, dir: realDataDir!, report: new ImportReport(() => {}) });
    expect(secondRun.failed).toEqual([]);
    expect(secondRun.report.rowsChanged).toBe(0);
  }, 300_000);
});
