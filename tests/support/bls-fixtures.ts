// Tiny synthetic BLS files in the exact published layouts (sheet names, title rows, header
// rows, column names), written with exceljs into a temporary data folder. Codes are
// synthetic (99-xxxx) unless a test needs a real one.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

export type Cell = string | number | null;

export interface FixtureDir {
  dir: string;
  remove(): Promise<void>;
}

/** An empty data folder with the shared layout's bls/ and ai/ subfolders. */
export async function makeFixtureDir(): Promise<FixtureDir> {
  const dir = await mkdtemp(path.join(tmpdir(), "careerwiki-datasets-"));
  await mkdir(path.join(dir, "bls"));
  await mkdir(path.join(dir, "ai"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes one workbook: each sheet gets its rows from row 1 (title rows, header, data). */
export async function writeWorkbook(file: string, sheets: Record<string, readonly (readonly Cell[])[]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((cells, index) => {
      const row = sheet.getRow(index + 1);
      cells.forEach((cell, column) => {
        if (cell !== null) row.getCell(column + 1).value = cell;
      });
      row.commit();
    });
  }
  await mkdir(path.dirname(file), { recursive: true });
  await workbook.xlsx.writeFile(file);
}

// ---- OEWS: national_M<YYYY>_dl.xlsx, state_M<YYYY>_dl.xlsx, MSA_M<YYYY>_dl.xlsx ----

export const OEWS_HEADER = [
  "AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE", "NAICS", "NAICS_TITLE", "I_GROUP", "OWN_CODE",
  "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "EMP_PRSE", "JOBS_1000", "LOC_QUOTIENT", "PCT_TOTAL",
  "PCT_RPT", "H_MEAN", "A_MEAN", "MEAN_PRSE", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
  "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90", "ANNUAL", "HOURLY",
] as const;

export type OewsColumn = (typeof OEWS_HEADER)[number];
export type OewsFixtureRow = Partial<Record<OewsColumn, Cell>> & { OCC_CODE: string };

/** A national detailed row with plausible figures; override any column. */
export function oewsRow(row: OewsFixtureRow): Record<OewsColumn, Cell> {
  return {
    AREA: "99", AREA_TITLE: "U.S.", AREA_TYPE: "1", PRIM_STATE: "US", NAICS: "000000", NAICS_TITLE: "Cross-industry",
    I_GROUP: "cross-industry", OWN_CODE: "1235", OCC_TITLE: `Occupation ${row.OCC_CODE}`, O_GROUP: "detailed",
    TOT_EMP: 1000, EMP_PRSE: 1.5, JOBS_1000: null, LOC_QUOTIENT: null, PCT_TOTAL: null, PCT_RPT: null,
    H_MEAN: 30, A_MEAN: 62400, MEAN_PRSE: 0.5, H_PCT10: 15, H_PCT25: 20, H_MEDIAN: 28, H_PCT75: 38, H_PCT90: 50,
    A_PCT10: 31200, A_PCT25: 41600, A_MEDIAN: 58240, A_PCT75: 79040, A_PCT90: 104000, ANNUAL: "", HOURLY: "",
    ...row,
  };
}

/**
 * bls/<scope>_M<year>_dl.xlsx with BLS's sheets: the data sheet (named after the file
 * unless `sheetName` says otherwise, as state and metro files have had), then
 * "Field Descriptions", "UpdateTime" and "Filler".
 */
export async function writeOewsFile(
  dir: string,
  options: { year: number; scope?: "national" | "state" | "MSA"; sheetName?: string; rows: readonly Record<OewsColumn, Cell>[] },
): Promise<string> {
  const stem = `${options.scope ?? "national"}_M${options.year}_dl`;
  const name = `bls/${stem}.xlsx`;
  await writeWorkbook(path.join(dir, name), {
    [options.sheetName ?? stem]: [OEWS_HEADER, ...options.rows.map((row) => OEWS_HEADER.map((column) => row[column]))],
    "Field Descriptions": [["Field", "Field Description"], ["area", "U.S. (99), state FIPS code, MSA code"]],
    UpdateTime: [["Last Updated"], [`March ${options.year + 1}`]],
    Filler: [],
  });
  return name;
}

// ---- Employment Projections: occupation.xlsx, Table 1.2 ----

export interface ProjectionFixtureRow {
  title: string;
  code: string;
  type: "Line item" | "Summary";
  employmentBase: Cell;
  employmentProjected: Cell;
  changeNumeric?: Cell;
  changePercent?: Cell;
  selfEmployed?: Cell;
  openings?: Cell;
  medianWage?: Cell;
  education?: Cell;
  experience?: Cell;
  training?: Cell;
}

/**
 * bls/occupation.xlsx with an Index sheet and Table 1.2 as BLS publishes it: a title in
 * row 1, the header in row 2 (some header cells with line breaks), the rows, then four
 * footnote rows without a code.
 */
export async function writeProjectionsFile(
  dir: string,
  rows: readonly ProjectionFixtureRow[],
  period: { baseYear: number; projectedYear: number } = { baseYear: 2024, projectedYear: 2034 },
): Promise<string> {
  const b = period.baseYear;
  const p = period.projectedYear;
  const span = `${b}–${String(p).slice(2)}`;
  const header = [
    `${b} National Employment Matrix title`, `${b} National Employment Matrix code`, "Occupation type",
    `Employment,\n${b}`, `Employment, ${p}`, `Employment distribution, percent, ${b}`, `Employment distribution, percent, ${p}`,
    `Employment change,\nnumeric, ${span}`, `Employment change, percent, ${span}`, `Percent self employed, ${b}`,
    `Occupational openings, ${span} annual average`, `Median annual wage, dollars, ${b}[1]`,
    "Typical education needed for entry", "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation", "Related Occupational Outlook Handbook (OOH) content",
  ];
  const body = rows.map((row) => [
    row.title, row.code, row.type, row.employmentBase, row.employmentProjected, 0.1, 0.1,
    row.changeNumeric ?? 0, row.changePercent ?? 0, row.selfEmployed ?? "—", row.openings ?? 0, row.medianWage ?? "—",
    row.education ?? "—", row.experience ?? "—", row.training ?? "—", "—",
  ]);
  const name = "bls/occupation.xlsx";
  await writeWorkbook(path.join(dir, name), {
    Index: [["Table", "Title"], ["Table 1.2", `Occupational projections, ${b}–${p}, and worker characteristics, ${b}`]],
    "Table 1.2": [
      [`Table 1.2 Occupational projections, ${b}–${p}, and worker characteristics, ${b} (Employment in thousands)`],
      header,
      ...body,
      ["Footnotes:"],
      ["[1] Data are from the Occupational Employment and Wage Statistics program, U.S. Bureau of Labor Statistics."],
      ['Note: Data is unavailable for values denoted with a "—".'],
      ["Source: Employment Projections program, U.S. Bureau of Labor Statistics"],
    ],
  });
  return name;
}

// ---- SOC 2010 → SOC 2018 crosswalk ----

/** [2010 code, 2010 title, 2018 code, 2018 title]; titles may carry BLS's (#) / (##) markers. */
export type CrosswalkFixtureRow = readonly [string, string, string, string];

/** bls/soc_2010_to_2018_crosswalk.xlsx: sheet "Sorted by 2010", title lines in rows 1–8, header in row 9. */
export async function writeSoc2010Crosswalk(dir: string, rows: readonly CrosswalkFixtureRow[]): Promise<string> {
  const name = "bls/soc_2010_to_2018_crosswalk.xlsx";
  await writeWorkbook(path.join(dir, name), {
    "Sorted by 2010": [
      ["U.S. Bureau of Labor Statistics"],
      ["On behalf of the Office of Management and Budget (OMB) and the Standard Occupational Classification Policy Committee (SOCPC)"],
      [],
      ["November 2017"],
      [],
      ["***Questions should be emailed to soc@bls.gov***"],
      [],
      [],
      ["2010 SOC Code", "2010 SOC Title", "2018 SOC Code", "2018 SOC Title"],
      ...rows,
    ],
  });
  return name;
}
