import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oewsRow, writeOewsFile, makeFixtureDir, type FixtureDir } from "../../../tests/support/fixtures/bls-fixtures";
import { countRows, createTestDatabase, type TestDatabase } from "../../../tests/support/integration/database";
import { ImportReport } from "../import-report";
import { runImport } from "../run-import";
import { oewsImporter } from "./import-oews";
import { queryRows } from "../../../tests/support/query-rows";

const TABLES = ["DatasetRelease", "Wage"];

let database: TestDatabase;
let fixture: FixtureDir;

async function importOews(dir: string) {
  return runImport({ databaseUrl: database.url, dir, importers: [oewsImporter], report: new ImportReport(() => {}) });
}

const query = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => queryRows<T>(database.url, sql, params);

/** May 2024 national rows: every group level, each special cell, and a broad row BLS repeats as detailed. */
const NATIONAL_2024 = [
  oewsRow({ OCC_CODE: "00-0000", OCC_TITLE: "All Occupations", O_GROUP: "total", TOT_EMP: 154187380 }),
  oewsRow({ OCC_CODE: "99-0000", OCC_TITLE: "Synthetic Occupations", O_GROUP: "major" }),
  oewsRow({ OCC_CODE: "99-1000", OCC_TITLE: "Synthetic Minor", O_GROUP: "minor" }),
  oewsRow({ OCC_CODE: "99-1010", OCC_TITLE: "Synthetic Broad", O_GROUP: "broad" }),
  oewsRow({ OCC_CODE: "99-1011", OCC_TITLE: "Top Earners", TOT_EMP: 211850, H_PCT75: "#", H_PCT90: "#", A_PCT75: "#", A_PCT90: "#" }),
  oewsRow({ OCC_CODE: "99-1012", OCC_TITLE: "Annual Only", H_MEAN: "*", H_PCT10: "*", H_PCT25: "*", H_MEDIAN: "*", H_PCT75: "*", H_PCT90: "*", ANNUAL: "TRUE" }),
  oewsRow({ OCC_CODE: "99-1013", OCC_TITLE: "Hourly Only", TOT_EMP: "**", EMP_PRSE: "**", A_MEAN: "*", A_MEDIAN: "*", HOURLY: "TRUE" }),
  oewsRow({ OCC_CODE: "99-1020", OCC_TITLE: "Repeated Group", O_GROUP: "broad", TOT_EMP: 486900, A_MEDIAN: 75650 }),
  oewsRow({ OCC_CODE: "99-1020", OCC_TITLE: "Repeated Group", O_GROUP: "detailed", TOT_EMP: 486900, A_MEDIAN: 75650 }),
  oewsRow({ OCC_CODE: "15-1299", OCC_TITLE: "Computer Occupations, All Other", TOT_EMP: 439380, EMP_PRSE: 1, A_MEDIAN: 108970 }),
];

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await makeFixtureDir();
  await writeOewsFile(fixture.dir, { year: 2024, rows: NATIONAL_2024 });
  await writeOewsFile(fixture.dir, { year: 2023, rows: [oewsRow({ OCC_CODE: "15-1299", TOT_EMP: 437170, A_MEDIAN: 104920 })] });
  // A state file whose data sheet is not named after the file: found by its OCC_CODE header.
  await writeOewsFile(fixture.dir, {
    year: 2024,
    scope: "state",
    sheetName: "State_dl",
    rows: [oewsRow({ AREA: "06", AREA_TITLE: "California", AREA_TYPE: "2", PRIM_STATE: "CA", OCC_CODE: "15-1299", TOT_EMP: 85270, A_MEDIAN: 128750 })],
  });
});

afterAll(async () => {
  await fixture?.remove();
  await database?.drop();
});

describe("OEWS import", () => {
  it("imports each year as its own release with BLS's publication date and every file read", async () => {
    const { failed, report } = await importOews(fixture.dir);
    expect(failed).toEqual([]);
    expect(report.outcomes.map((o) => o.status)).toEqual(["imported"]);
    const releases = await query<{ version: string; releasedOn: Date; files: { name: string }[] }>(
      `SELECT "version", "releasedOn", "files" FROM "DatasetRelease" WHERE "dataset" = 'oews' ORDER BY "releasedOn" DESC`,
    );
    expect(releases.map((r) => [r.version, r.releasedOn.toISOString().slice(0, 10)])).toEqual([
      ["May 2024", "2025-04-02"],
      ["May 2023", "2024-04-03"],
    ]);
    expect(releases[0]!.files.map((f) => f.name)).toEqual(["bls/national_M2024_dl.xlsx", "bls/state_M2024_dl.xlsx"]);
    expect(releases[1]!.files.map((f) => f.name)).toEqual(["bls/national_M2023_dl.xlsx"]);
    expect(report.notices).toEqual(["oews: no bls/state_M2023_dl.xlsx or bls/oews_state_M2023.csv, so May 2023 has no pay by state (skipped)."]);
  });

  it("stores every group level, with the state rows under their own area", async () => {
    const rows = await query<{ areaCode: string; socCode: string; groupLevel: string; employment: number; annualMedian: number }>(
      `SELECT w."areaCode", w."socCode", w."groupLevel", w."employment", w."annualMedian" FROM "Wage" w
       JOIN "DatasetRelease" r ON r."id" = w."releaseId" WHERE r."version" = 'May 2024' ORDER BY 1, 2`,
    );
    expect(rows.find((r) => r.socCode === "15-1299" && r.areaCode === "99")).toMatchObject({ employment: 439380, annualMedian: 108970, groupLevel: "detailed" });
    expect(rows.find((r) => r.socCode === "15-1299" && r.areaCode === "06")).toMatchObject({ employment: 85270, annualMedian: 128750 });
    expect(new Set(rows.map((r) => r.groupLevel))).toEqual(new Set(["total", "major", "minor", "broad", "detailed"]));
    // The broad row BLS repeats as detailed is kept once, as broad.
    expect(rows.filter((r) => r.socCode === "99-1020")).toEqual([{ areaCode: "99", socCode: "99-1020", groupLevel: "broad", employment: 486900, annualMedian: 75650 }]);
  });

  it("turns *, ** and # into null, lists # columns in topCoded, and reads ANNUAL / HOURLY", async () => {
    const rows = await query<Record<string, unknown>>(
      `SELECT w.* FROM "Wage" w JOIN "DatasetRelease" r ON r."id" = w."releaseId"
       WHERE r."version" = 'May 2024' AND w."areaCode" = '99' AND w."socCode" IN ('99-1011', '99-1012', '99-1013') ORDER BY w."socCode"`,
    );
    const [top, annualOnly, hourlyOnly] = rows;
    expect(top).toMatchObject({ hourlyP75: null, hourlyP90: null, annualP75: null, annualP90: null, annualMedian: 58240, topCoded: ["H_PCT75", "H_PCT90", "A_PCT75", "A_PCT90"], annualOnly: false });
    expect(annualOnly).toMatchObject({ hourlyMean: null, hourlyMedian: null, annualMean: 62400, annualOnly: true, hourlyOnly: false, topCoded: [] });
    expect(hourlyOnly).toMatchObject({ employment: null, employmentRse: null, annualMean: null, annualMedian: null, hourlyMedian: 28, hourlyOnly: true });
  });

  it("changes nothing when the same files are imported again", async () => {
    const { report, failed } = await importOews(fixture.dir);
    expect(failed).toEqual([]);
    expect(report.rowsChanged).toBe(0);
    expect(report.tables.every((t) => t.unchanged === t.read)).toBe(true);
  });

  it("rejects a malformed cell naming file, sheet, line and column, and leaves the database unchanged", async () => {
    const before = await countRows(database.url, TABLES);
    const broken = await makeFixtureDir();
    try {
      const rows = NATIONAL_2024.map((row) => (row.OCC_CODE === "15-1299" ? { ...row, A_MEDIAN: "108,97O" } : row));
      await writeOewsFile(broken.dir, { year: 2024, rows });
      const { failed, report } = await importOews(broken.dir);
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ file: "bls/national_M2024_dl.xlsx [national_M2024_dl]", line: 11, column: "A_MEDIAN" });
      expect(failed[0]!.message).toContain('found "108,97O"');
      expect(report.outcomes[0]!.status).toBe("failed");
    } finally {
      await broken.remove();
    }
    expect(await countRows(database.url, TABLES)).toEqual(before);
    const [median] = await query<{ annualMedian: number }>(
      `SELECT w."annualMedian" FROM "Wage" w JOIN "DatasetRelease" r ON r."id" = w."releaseId" WHERE r."version" = 'May 2024' AND w."areaCode" = '99' AND w."socCode" = '15-1299'`,
    );
    expect(median!.annualMedian).toBe(108970);
  });
});
