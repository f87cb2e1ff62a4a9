import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtureDir, type FixtureDir } from "../../../tests/support/fixtures/bls-fixtures";
import { countRows, createTestDatabase, type TestDatabase } from "../../../tests/support/integration/database";
import { COSTS_2019_20, writeCostsTable } from "../../../tests/support/fixtures/reading-fixtures";
import { ImportReport } from "../import-report";
import { runImport } from "../run-import";
import { costsImporter } from "./import-costs";
import { queryRows } from "../../../tests/support/query-rows";

let database: TestDatabase;
let fixture: FixtureDir;

const importCosts = (dir: string) => runImport({ databaseUrl: database.url, dir, importers: [costsImporter], report: new ImportReport(() => {}) });

const query = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => queryRows<T>(database.url, sql, params);

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await makeFixtureDir();
  await writeCostsTable(fixture.dir, COSTS_2019_20);
});

afterAll(async () => {
  await fixture?.remove();
  await database?.drop();
});

describe("NCES Table 330.10 import (.xls)", () => {
  it("reads every section and level in current dollars, with the edition as the release", async () => {
    const { failed, report } = await importCosts(fixture.dir);
    expect(failed).toEqual([]);
    expect(report.outcomes[0]!.status).toBe("imported");
    const [release] = await query<{ version: string; releasedOn: Date; referencePeriod: string }>(
      `SELECT "version", "releasedOn", "referencePeriod" FROM "DatasetRelease" WHERE "dataset" = 'nces-costs'`,
    );
    expect(release).toMatchObject({ version: "Digest 2020", referencePeriod: "Academic years 2019-20 to 2019-20" });
    expect(release!.releasedOn.toISOString().slice(0, 10)).toBe("2021-01-01");
    const publicFourYear = await query<{ academicYear: string; tuitionFees: number; total: number; room: number; board: number }>(
      `SELECT "academicYear", "tuitionFees", "total", "room", "board" FROM "EducationCost" WHERE "sector" = 'public' AND "level" = '4-year' ORDER BY "startYear"`,
    );
    expect(publicFourYear).toEqual([
      { academicYear: "2018-19", tuitionFees: 9212, total: 20598, room: 6469, board: 4917 },
      { academicYear: "2019-20", tuitionFees: 9349.17, total: 21035.46, room: 6654.89, board: 5031.4 },
    ]);
    const sectors = await query<{ sector: string }>(`SELECT DISTINCT "sector" FROM "EducationCost" ORDER BY 1`);
    expect(sectors.map((s) => s.sector)).toEqual(["all", "for-profit", "private", "private-nonprofit", "public"]);
  });

  it("keeps --- as not available, never zero", async () => {
    const [row] = await query<{ room: number | null }>(`SELECT "room" FROM "EducationCost" WHERE "sector" = 'for-profit' AND "level" = '2-year'`);
    expect(row!.room).toBeNull();
  });

  it("changes nothing on a second import", async () => {
    const { report } = await importCosts(fixture.dir);
    expect(report.rowsChanged).toBe(0);
  });

  it("rejects a malformed amount naming sheet, line and column, and changes nothing", async () => {
    const before = await countRows(database.url, ["EducationCost", "DatasetRelease"]);
    const broken = await makeFixtureDir();
    try {
      const sections = { ...COSTS_2019_20, "  Nonprofit": [{ ...COSTS_2019_20["  Nonprofit"]![0]!, tuition: ["35,658.9x", 35806.62, 16898.06] as const }] };
      await writeCostsTable(broken.dir, sections);
      const { failed } = await importCosts(broken.dir);
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ file: "costs/tabn330.10.xls [Digest 2020 Table 330.10]", column: "Q" });
      expect(failed[0]!.message).toContain('found "35,658.9x"');
    } finally {
      await broken.remove();
    }
    expect(await countRows(database.url, ["EducationCost", "DatasetRelease"])).toEqual(before);
  });
});
