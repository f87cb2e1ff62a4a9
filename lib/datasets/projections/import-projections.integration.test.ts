import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtureDir, writeProjectionsFile, type FixtureDir, type ProjectionFixtureRow } from "../../../tests/support/fixtures/bls-fixtures";
import { countRows, createTestDatabase, type TestDatabase } from "../../../tests/support/integration/database";
import { ImportReport } from "../import-report";
import { runImport } from "../run-import";
import { projectionsImporter } from "./import-projections";

const TABLES = ["DatasetRelease", "Projection"];

/** Table 1.2 rows as BLS writes them: titles indented with spaces, `—` for not available. */
const ROWS: ProjectionFixtureRow[] = [
  { title: "Total, all occupations", code: "00-0000", type: "Summary", employmentBase: 169956.1, employmentProjected: 175167.9, changeNumeric: 5211.8, changePercent: 3.1, selfEmployed: 5.8, openings: 18863.3, medianWage: 49500 },
  { title: "  Synthetic occupations", code: "99-0000", type: "Summary", employmentBase: 500, employmentProjected: 520, changeNumeric: 20, changePercent: 4, openings: 40, medianWage: 70000 },
  {
    title: "    Computer occupations, all other", code: "15-1299", type: "Line item", employmentBase: 472.0, employmentProjected: 510.5, changeNumeric: 38.5,
    changePercent: 8.2, selfEmployed: 3.9, openings: 31.3, medianWage: 108970, education: "Bachelor's degree", experience: "None", training: "None",
  },
  {
    title: "    Top-coded earners", code: "99-0001", type: "Line item", employmentBase: 12.3, employmentProjected: 12.1, changeNumeric: -0.2, changePercent: -1.6,
    selfEmployed: "—", openings: 0.9, medianWage: ">=$239,200", education: "Doctoral or professional degree", experience: "Less than 5 years", training: "Internship/residency",
  },
  { title: "    No wage published", code: "99-0002", type: "Line item", employmentBase: 3.4, employmentProjected: 3.6, medianWage: "—", education: "No formal educational credential", experience: "None", training: "Short-term on-the-job training" },
];

let database: TestDatabase;
let fixture: FixtureDir;

async function importProjections(dir: string) {
  return runImport({ databaseUrl: database.url, dir, importers: [projectionsImporter], report: new ImportReport(() => {}) });
}

async function projection(code: string): Promise<Record<string, unknown> | undefined> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(`SELECT * FROM "Projection" WHERE "socCode" = $1`, [code])).rows[0];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await makeFixtureDir();
  await writeProjectionsFile(fixture.dir, ROWS);
});

afterAll(async () => {
  await fixture?.remove();
  await database?.drop();
});

describe("Employment Projections import (Table 1.2)", () => {
  it("stores every row with the period from the header, trimmed titles and the footnotes skipped", async () => {
    const { failed, report } = await importProjections(fixture.dir);
    expect(failed).toEqual([]);
    const table = report.tables.find((t) => t.table === "Projection")!;
    expect(table).toMatchObject({ read: 5, inserted: 5 });
    expect([...table.skipped.values()]).toEqual([4]);
    expect(await projection("15-1299")).toMatchObject({
      title: "Computer occupations, all other", occupationType: "Line item", baseYear: 2024, projectedYear: 2034,
      employmentBase: 472, employmentProjected: 510.5, changeNumeric: 38.5, changePercent: 8.2, selfEmployedPercent: 3.9,
      annualOpenings: 31.3, medianAnnualWage: 108970, medianWageTopCoded: false,
      entryEducation: "Bachelor's degree", workExperience: "None", onTheJobTraining: "None",
    });
    expect(await projection("00-0000")).toMatchObject({ title: "Total, all occupations", occupationType: "Summary", entryEducation: null, workExperience: null, onTheJobTraining: null });
  });

  it("reads BLS's top-coded median (>=$239,200) and — as null", async () => {
    expect(await projection("99-0001")).toMatchObject({ medianAnnualWage: 239200, medianWageTopCoded: true, selfEmployedPercent: null });
    expect(await projection("99-0002")).toMatchObject({ medianAnnualWage: null, medianWageTopCoded: false });
  });

  it("registers the release named after the period", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const release = (await client.query(`SELECT "version", "referencePeriod", "releasedOn", "files" FROM "DatasetRelease" WHERE "dataset" = 'projections'`)).rows[0];
    await client.end();
    expect(release).toMatchObject({ version: "2024–34", referencePeriod: "2024–2034", files: [expect.objectContaining({ name: "bls/occupation.xlsx" })] });
    expect((release.releasedOn as Date).toISOString().slice(0, 10)).toBe("2025-08-28");
  });

  it("changes nothing when the same file is imported again", async () => {
    const { report, failed } = await importProjections(fixture.dir);
    expect(failed).toEqual([]);
    expect(report.rowsChanged).toBe(0);
  });

  it("rejects a malformed cell naming file, line and the column as published, and leaves the database unchanged", async () => {
    const before = await countRows(database.url, TABLES);
    const broken = await makeFixtureDir();
    try {
      await writeProjectionsFile(broken.dir, ROWS.map((row) => (row.code === "99-0002" ? { ...row, employmentProjected: "3,6 thousand" } : row)));
      const { failed } = await importProjections(broken.dir);
      expect(failed).toHaveLength(1);
      // Title row 1, header row 2, 99-0002 is the fifth data row.
      expect(failed[0]).toMatchObject({ file: "bls/occupation.xlsx [Table 1.2]", line: 7, column: "Employment, 2034" });
    } finally {
      await broken.remove();
    }
    expect(await countRows(database.url, TABLES)).toEqual(before);
    expect(await projection("99-0002")).toMatchObject({ employmentProjected: 3.6 });
  });
});
