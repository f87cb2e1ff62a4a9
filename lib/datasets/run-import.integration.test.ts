import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatasetFileError } from "./dataset-error";
import type { DatasetImporter } from "./dataset-importer";
import { ImportReport } from "./import-report";
import { runImport } from "./run-import";
import { createTestDatabase, type TestDatabase } from "@/tests/support/integration/database";
import { writeRoleDatasets } from "@/tests/support/fixtures/role-fixtures";
import { queryRows } from "@/tests/support/query-rows";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** When PostgreSQL last gathered a table's statistics by ANALYZE (0: never). */
async function lastAnalyzed(table: string): Promise<number> {
  const [row] = await queryRows<{ at: Date | null }>(database.url, `SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = $1`, [table]);
  return row?.at?.getTime() ?? 0;
}

function recordingImporter(dataset: string, requiredFiles: string[], calls: string[]): DatasetImporter {
  return { dataset, requiredFiles, import: async () => void calls.push(dataset) };
}

describe("runImport", () => {
  it("skips a dataset whose files are absent, matching `*` patterns by file name, and says so", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-run-import-"));
    await mkdir(path.join(dir, "bls"));
    await writeFile(path.join(dir, "bls", "national_M2031_dl.xlsx"), "");
    const calls: string[] = [];
    const { report } = await runImport({
      databaseUrl: database.url,
      dir,
      report: new ImportReport(() => {}),
      importers: [
        recordingImporter("present-by-pattern", ["bls/national_M*_dl.xlsx"], calls),
        recordingImporter("absent-by-pattern", ["bls/state_M*_dl.xlsx"], calls),
        recordingImporter("absent-file", ["onet/Occupation Data.txt"], calls),
      ],
    });
    expect(calls).toEqual(["present-by-pattern"]);
    expect(report.outcomes.map((o) => [o.dataset, o.status])).toEqual([
      ["present-by-pattern", "imported"],
      ["absent-by-pattern", "skipped"],
      ["absent-file", "skipped"],
    ]);
    expect(report.outcomes[2]?.message).toContain("not found: onet/Occupation Data.txt");
  });

  it("rolls back a failing dataset, keeps going with the next, and reports no counts for the failed one", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-run-import-"));
    const failing: DatasetImporter = {
      dataset: "failing",
      requiredFiles: [],
      async import({ client, report }) {
        await client.query(`INSERT INTO "DatasetRelease" ("dataset", "name", "publisher", "version", "referencePeriod", "releasedOn", "license", "sourceUrl", "citation", "files")
                            VALUES ('failing', 'n', 'p', '1', 'r', '2020-01-01', 'l', 'u', 'c', '[]')`);
        report.recordTable("failing", "DatasetRelease", { read: 1, inserted: 1, updated: 0, unchanged: 0, deleted: 0 });
        throw new DatasetFileError("x/file.txt", 7, "Data Value", "expected a number");
      },
    };
    const calls: string[] = [];
    const { report, failed } = await runImport({ databaseUrl: database.url, dir, report: new ImportReport(() => {}), importers: [failing, recordingImporter("next", [], calls)] });
    expect(failed.map((e) => e.message)).toEqual(['x/file.txt, line 7, column "Data Value": expected a number']);
    expect(calls).toEqual(["next"]);
    expect(report.tables.filter((t) => t.dataset === "failing")).toEqual([]);
    expect(report.rowsChanged).toBe(0);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const releases = await client.query(`SELECT count(*)::int AS n FROM "DatasetRelease" WHERE "dataset" = 'failing'`);
    await client.end();
    expect(releases.rows[0]?.n).toBe(0);
  });

  it("names the occupations whose rows a re-import changed (what running instances revalidate), and none on a re-run", { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-run-import-changes-"));
    try {
      await writeRoleDatasets(dir);
      const importOnet = async () => (await runImport({ databaseUrl: database.url, dir, only: ["onet"], report: new ImportReport(() => {}) })).report;
      await importOnet();
      // A description reworded (99-0003.00) and a task dropped (99-0002.00) in the same release's files.
      const onet = (name: string) => path.join(dir, "onet", name);
      const occupations = await readFile(onet("Occupation Data.txt"), "utf8");
      await writeFile(onet("Occupation Data.txt"), occupations.replace("Inspect sprockets for defects.", "Inspect sprockets for defects and wear."));
      const tasks = (await readFile(onet("Task Statements.txt"), "utf8")).split("\n");
      const dropped = tasks.findIndex((line) => line.startsWith("99-0002.00\t"));
      expect(dropped).toBeGreaterThan(0);
      await writeFile(onet("Task Statements.txt"), tasks.filter((_, index) => index !== dropped).join("\n"));
      const analyzedBefore = await lastAnalyzed("Task");
      const changed = await importOnet();
      expect(changed.rowsChanged).toBeGreaterThan(0);
      // The import ends by refreshing the planner's statistics of what it wrote.
      expect(await lastAnalyzed("Task")).toBeGreaterThan(analyzedBefore);
      expect(changed.changedOccupations()).toEqual(["99-0002.00", "99-0003.00"]);
      expect((await importOnet()).changedOccupations()).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
