import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtureDir, oewsRow, writeOewsFile, writeOewsStateCsv, type FixtureDir } from "../../../tests/support/fixtures/bls-fixtures";
import { countRows, createTestDatabase, type TestDatabase } from "../../../tests/support/integration/database";
import { queryRows } from "../../../tests/support/query-rows";
import { ImportReport } from "../import-report";
import { runImport } from "../run-import";
import { oewsImporter } from "./import-oews";

let database: TestDatabase;
let fixture: FixtureDir;

const importOews = (dir: string) => runImport({ databaseUrl: database.url, dir, importers: [oewsImporter], report: new ImportReport(() => {}) });
const query = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => queryRows<T>(database.url, sql, params);

const state = (area: string, title: string, postal: string) => ({ AREA: area, AREA_TITLE: title, AREA_TYPE: "2", PRIM_STATE: postal });

/** State rows as the CSV on hand has them: empty cells where BLS published no number, a title with a comma. */
const STATE_2024 = [
  oewsRow({ ...state("06", "California", "CA"), OCC_CODE: "15-1299", OCC_TITLE: "Computer Occupations, All Other", TOT_EMP: 85270, JOBS_1000: 4.763, LOC_QUOTIENT: 1.62, A_MEDIAN: 128750, A_PCT10: 60000, A_PCT90: 200000 }),
  oewsRow({ ...state("56", "Wyoming", "WY"), OCC_CODE: "15-1299", OCC_TITLE: "Computer Occupations, All Other", TOT_EMP: null, JOBS_1000: null, LOC_QUOTIENT: null, A_MEDIAN: 90000, A_PCT90: null }),
  oewsRow({ ...state("06", "California", "CA"), OCC_CODE: "99-1030", OCC_TITLE: "Test Workers Group", O_GROUP: "broad", TOT_EMP: 4000, JOBS_1000: 0.2, LOC_QUOTIENT: 0.9, A_MEDIAN: 51000 }),
];

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await makeFixtureDir();
  await writeOewsFile(fixture.dir, { year: 2024, rows: [oewsRow({ OCC_CODE: "15-1299", TOT_EMP: 439380, A_MEDIAN: 108970 })] });
  await writeOewsStateCsv(fixture.dir, 2024, STATE_2024);
  // Metro areas in a CSV with the same column names: a five-digit MSA code, its primary state, a title with commas.
  await writeOewsStateCsv(
    fixture.dir,
    2024,
    [oewsRow({ AREA: "41940", AREA_TITLE: "San Jose-Sunnyvale-Santa Clara, CA", AREA_TYPE: "4", PRIM_STATE: "CA", OCC_CODE: "15-1299", OCC_TITLE: "Computer Occupations, All Other", TOT_EMP: 9870, JOBS_1000: 8.9, LOC_QUOTIENT: 3.02, A_MEDIAN: 171000, A_PCT90: null })],
    "MSA",
  );
});

afterAll(async () => {
  await fixture?.remove();
  await database?.drop();
});

describe("OEWS state estimates from the CSV on hand (18 of the 32 columns, read by name)", () => {
  it("imports the state CSV into the same May 2024 release as the national file", async () => {
    const { failed } = await importOews(fixture.dir);
    expect(failed).toEqual([]);
    const [release] = await query<{ version: string; files: { name: string }[] }>(`SELECT "version", "files" FROM "DatasetRelease" WHERE "dataset" = 'oews'`);
    expect(release).toMatchObject({ version: "May 2024" });
    expect(release!.files.map((f) => f.name)).toEqual(["bls/national_M2024_dl.xlsx", "bls/oews_MSA_M2024.csv", "bls/oews_state_M2024.csv"]);
  });

  it("stores area, state, jobs per 1,000 and location quotient; empty cells are null, never zero", async () => {
    const rows = await query<Record<string, unknown>>(
      `SELECT "areaCode", "areaTitle", "state", "socCode", "groupLevel", "employment", "jobsPer1000", "locationQuotient", "annualMedian", "annualP90", "hourlyP10", "annualOnly"
       FROM "Wage" WHERE "areaCode" <> '99' AND length("areaCode") = 2 ORDER BY "areaCode", "socCode"`,
    );
    expect(rows).toEqual([
      { areaCode: "06", areaTitle: "California", state: "CA", socCode: "15-1299", groupLevel: "detailed", employment: 85270, jobsPer1000: 4.763, locationQuotient: 1.62, annualMedian: 128750, annualP90: 200000, hourlyP10: null, annualOnly: false },
      { areaCode: "06", areaTitle: "California", state: "CA", socCode: "99-1030", groupLevel: "broad", employment: 4000, jobsPer1000: 0.2, locationQuotient: 0.9, annualMedian: 51000, annualP90: 104000, hourlyP10: null, annualOnly: false },
      { areaCode: "56", areaTitle: "Wyoming", state: "WY", socCode: "15-1299", groupLevel: "detailed", employment: null, jobsPer1000: null, locationQuotient: null, annualMedian: 90000, annualP90: null, hourlyP10: null, annualOnly: false },
    ]);
  });

  it("stores a metro area from the MSA CSV under its MSA code and primary state, empty cells null", async () => {
    const rows = await query<Record<string, unknown>>(`SELECT "areaCode", "areaTitle", "state", "socCode", "employment", "jobsPer1000", "locationQuotient", "annualMedian", "annualP90" FROM "Wage" WHERE length("areaCode") > 2`);
    expect(rows).toEqual([
      { areaCode: "41940", areaTitle: "San Jose-Sunnyvale-Santa Clara, CA", state: "CA", socCode: "15-1299", employment: 9870, jobsPer1000: 8.9, locationQuotient: 3.02, annualMedian: 171000, annualP90: null },
    ]);
  });

  it("changes nothing when imported again", async () => {
    const { failed, report } = await importOews(fixture.dir);
    expect(failed).toEqual([]);
    expect(report.rowsChanged).toBe(0);
  });

  it("rejects a malformed state row naming the CSV file, line and column, leaving the database unchanged", async () => {
    const before = await countRows(database.url, ["DatasetRelease", "Wage"]);
    const broken = await makeFixtureDir();
    try {
      await writeOewsFile(broken.dir, { year: 2024, rows: [oewsRow({ OCC_CODE: "15-1299", TOT_EMP: 439380, A_MEDIAN: 108970 })] });
      await writeOewsStateCsv(broken.dir, 2024, [STATE_2024[0]!, { ...STATE_2024[1]!, LOC_QUOTIENT: "1,2x" }]);
      const { failed } = await importOews(broken.dir);
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ file: "bls/oews_state_M2024.csv", line: 3, column: "LOC_QUOTIENT" });
    } finally {
      await broken.remove();
    }
    expect(await countRows(database.url, ["DatasetRelease", "Wage"])).toEqual(before);
  });
});
