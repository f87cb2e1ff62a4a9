import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";
import { resolveDataDir } from "./data-dir";
import { ImportReport } from "./import-report";
import { runImport } from "./run-import";

// The whole pipeline on the shared official files (DATA_DIR or ../shared/datasets).
const dir = resolveDataDir();
const present = dir !== null && existsSync(path.join(dir, "onet", "Occupation Data.txt"));
if (!present) console.warn("Skipping the full real-data import: no onet/Occupation Data.txt under DATA_DIR or ../shared/datasets.");

describe.skipIf(!present)("importing the real official datasets", () => {
  let database: TestDatabase;
  let client: pg.Client;
  let firstRun: Awaited<ReturnType<typeof runImport>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    firstRun = await runImport({ databaseUrl: database.url, dir: dir!, report: new ImportReport(() => {}) });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it("imports every dataset present without an error", () => {
    expect(firstRun.failed.map((error) => error.message)).toEqual([]);
    expect(firstRun.report.outcomes.filter((o) => o.status !== "imported")).toEqual([]);
    console.info(`full real import: ${firstRun.seconds.toFixed(1)} s, ${firstRun.report.rowsChanged} rows written`);
  });

  it("serves every O*NET occupation, with Information Security Engineers as published", async () => {
    const count = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Occupation"`);
    expect(count.rows[0]?.n).toBe(1016);
    const role = await client.query(`SELECT "slug", "title", "socCode", "majorGroup" FROM "Occupation" WHERE "code" = '15-1299.05'`);
    expect(role.rows[0]).toEqual({ slug: "information-security-engineers", title: "Information Security Engineers", socCode: "15-1299", majorGroup: "15" });
    const tasks = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Task" WHERE "occupationCode" = '15-1299.05'`);
    expect(tasks.rows[0]?.n).toBe(20);
  });

  it("changes 0 rows when the same files are imported again", async () => {
    const secondRun = await runImport({ databaseUrl: database.url, dir: dir!, report: new ImportReport(() => {}) });
    expect(secondRun.failed).toEqual([]);
    expect(secondRun.report.rowsChanged).toBe(0);
    console.info(`second real import: ${secondRun.seconds.toFixed(1)} s, ${secondRun.report.rowsChanged} rows changed`);
  }, 180_000);
});
