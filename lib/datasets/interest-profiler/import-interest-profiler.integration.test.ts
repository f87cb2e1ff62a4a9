import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtureDir, type FixtureDir } from "@/tests/support/fixtures/bls-fixtures";
import { writeInterestProfilerFiles } from "@/tests/support/fixtures/discovery-fixtures";
import { countRows, createTestDatabase, type TestDatabase } from "@/tests/support/integration/database";
import { queryRows } from "@/tests/support/query-rows";
import { ImportReport } from "../import-report";
import { runImport } from "../run-import";
import { interestProfilerImporter } from "./import-interest-profiler";

let database: TestDatabase;
let fixture: FixtureDir;

const importProfiler = (dir: string) => runImport({ databaseUrl: database.url, dir, importers: [interestProfilerImporter], report: new ImportReport(() => {}) });
const query = <T extends pg.QueryResultRow>(sql: string) => queryRows<T>(database.url, sql, []);
const TABLES = ["InterestActivity", "RiasecKeyword", "BasicInterestArea", "RiasecArea", "DatasetRelease"];

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await makeFixtureDir();
  await writeInterestProfilerFiles(fixture.dir);
});

afterAll(async () => {
  await fixture?.remove();
  await database?.drop();
});

describe("O*NET Interest Profiler import", () => {
  it("reads the CRLF files of onet-30.1: activities in file order, keywords, basic interests and the six areas' descriptions", async () => {
    const { failed } = await importProfiler(fixture.dir);
    expect(failed).toEqual([]);
    const activities = await query<{ position: number; elementName: string; interestType: string; activity: string }>(
      `SELECT "position", "elementName", "interestType", "activity" FROM "InterestActivity" ORDER BY "position"`,
    );
    expect(activities).toHaveLength(13);
    expect(activities[0]).toEqual({ position: 1, elementName: "Realistic", interestType: "General", activity: "Build test cabinets." });
    expect(activities.at(-1)).toEqual({ position: 13, elementName: "Mechanics/Electronics", interestType: "Basic", activity: "Fix test radios." });
    expect(activities.every((row) => !row.activity.endsWith("\r"))).toBe(true);
    const areas = await query<{ elementId: string; name: string; description: string }>(`SELECT "elementId", "name", "description" FROM "RiasecArea" ORDER BY "elementId"`);
    expect(areas.map((row) => row.name)).toEqual(["Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"]);
    expect(areas[1]?.description).toBe("Work the test Investigative way.");
    const basics = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "BasicInterestArea"`);
    expect(basics[0]?.n).toBe(3);
    const [release] = await query<{ version: string; referencePeriod: string; license: string }>(
      `SELECT "version", "referencePeriod", "license" FROM "DatasetRelease" WHERE "dataset" = 'onet-interest-profiler'`,
    );
    expect(release).toEqual({ version: "30.1", referencePeriod: "December 2025", license: "CC BY 4.0" });
  });

  it("changes nothing on a second import", async () => {
    const { report } = await importProfiler(fixture.dir);
    expect(report.rowsChanged).toBe(0);
  });

  it("refuses a malformed row naming file, line and column, and changes nothing", async () => {
    const before = await countRows(database.url, TABLES);
    const broken = await makeFixtureDir();
    try {
      await writeInterestProfilerFiles(broken.dir);
      const file = path.join(broken.dir, "onet-30.1", "Interests Illustrative Activities.txt");
      await writeFile(file, (await readFile(file, "utf8")).replace("Realistic\tGeneral\tRepair test engines.", "Realistic\tSometimes\tRepair test engines."));
      const { failed } = await importProfiler(broken.dir);
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ file: "onet-30.1/Interests Illustrative Activities.txt", line: 3, column: "Interest Type" });
    } finally {
      await broken.remove();
    }
    expect(await countRows(database.url, TABLES)).toEqual(before);
  });

  it("is skipped with a notice naming the missing file when the folder lacks the profiler files", async () => {
    const empty = await makeFixtureDir();
    try {
      const { failed, report } = await importProfiler(empty.dir);
      expect(failed).toEqual([]);
      expect(report.outcomes).toEqual([expect.objectContaining({ dataset: "onet-interest-profiler", status: "skipped", message: expect.stringContaining("onet-30.1/Interests Illustrative Activities.txt") })]);
    } finally {
      await empty.remove();
    }
  });
});
