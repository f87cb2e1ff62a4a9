import { readFile } from "node:fs/promises";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { DatasetFileError } from "../dataset-error";
import { noDataRows } from "../read-tab-separated";
import type { DatasetImporter } from "../dataset-importer";
import { describeFiles, registerRelease, type ReleaseMetadata } from "../register-release";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";

const COSTS_FILE = "costs/tabn330.10.xls";

/** Rows 2–4 are the header; data start at row 6 (row 5 numbers the columns). */
const FIRST_DATA_ROW = 6;

/** Current-dollar columns (0-based): total, tuition and fees, dormitory rooms, board; each as all / 4-year / 2-year. */
const CURRENT_DOLLARS = { total: 13, tuitionFees: 16, room: 19, board: 22 } as const;
const LEVELS = ["all", "4-year", "2-year"] as const;

/** Section label rows (first column, hyphenation and spacing folded) → sector key. */
const SECTIONS: Record<string, string> = {
  "all institutions": "all",
  "public institutions": "public",
  "private nonprofit and for-profit institutions": "private",
  nonprofit: "private-nonprofit",
  "for-profit": "for-profit",
};

export type EducationCostRow = {
  releaseId: number;
  sector: string;
  level: string;
  academicYear: string;
  startYear: number;
  tuitionFees: number | null;
  room: number | null;
  board: number | null;
  total: number | null;
};

type Cell = string | number | null;

/**
 * NCES Digest of Education Statistics, Table 330.10 (average undergraduate tuition, fees,
 * room and board), read from the legacy .xls NCES publishes, with @e965/xlsx (exceljs
 * cannot read BIFF). Current dollars, every year row of every section.
 */
export const costsImporter: DatasetImporter = {
  dataset: "nces-costs",
  requiredFiles: [COSTS_FILE],
  async import(context) {
    const progress = context.report.progress(COSTS_FILE);
    const { sheetName, rows: cells } = await readCostsSheet(path.join(context.dir, COSTS_FILE));
    const label = `${COSTS_FILE} [${sheetName}]`;
    checkHeader(cells, label);
    const { releaseId } = await registerRelease(context.client, costsRelease(sheetName, cells), await describeFiles(context.dir, [COSTS_FILE]));
    const skipped = new Map<string, number>();
    const rows = parseCostRows(cells, releaseId, label, skipped);
    progress.advance(rows.length);
    progress.finish();
    const counts = await syncReleaseRows({ client: context.client, table: "EducationCost", releaseId, key: ["releaseId", "sector", "level", "startYear"], rows });
    context.report.recordTable("nces-costs", "EducationCost", counts, skipped);
  },
};

async function readCostsSheet(file: string): Promise<{ sheetName: string; rows: Cell[][] }> {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(await readFile(file), { type: "buffer" });
  } catch (error) {
    throw new DatasetFileError(COSTS_FILE, null, null, `cannot be read as an Excel workbook: ${(error as Error).message}`);
  }
  const sheetName = workbook.SheetNames.find((name) => /330\.10/.test(name)) ?? workbook.SheetNames[0];
  const sheet = sheetName ? workbook.Sheets[sheetName] : undefined;
  if (!sheetName || !sheet) throw new DatasetFileError(COSTS_FILE, null, null, "has no sheet");
  const rows = XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  return { sheetName, rows };
}

function fold(text: Cell): string {
  return String(text ?? "")
    .replace(/-\s*\n\s*/g, "")
    .replace(/\\\d+\\/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** The header must say what the columns hold, or the numbers would land in the wrong place. */
function checkHeader(rows: Cell[][], label: string) {
  const expect = (row: number, column: number, pattern: RegExp, name: string) => {
    const text = fold(rows[row - 1]?.[column] ?? null);
    if (!pattern.test(text)) {
      throw new DatasetFileError(label, row, XLSX.utils.encode_col(column), `expected the header "${name}" here (found ${JSON.stringify(text)})`);
    }
  };
  expect(2, CURRENT_DOLLARS.total, /^current dollars/, "Current dollars");
  expect(3, CURRENT_DOLLARS.total, /^total tuition, fees, room, and board/, "Total tuition, fees, room, and board");
  expect(3, CURRENT_DOLLARS.tuitionFees, /^tuition and required fees/, "Tuition and required fees");
  expect(3, CURRENT_DOLLARS.room, /^dormitory rooms/, "Dormitory rooms");
  expect(3, CURRENT_DOLLARS.board, /^board/, "Board");
  LEVELS.forEach((level, offset) => expect(4, CURRENT_DOLLARS.total + offset, level === "all" ? /^all insti-?tutions/ : new RegExp(`^${level}`), level));
}

const YEAR = /^(\d{4})-(\d{2}|\d{4})$/;
const NOT_A_YEAR_ROW = "section label or footnote row";

function parseCostRows(rows: Cell[][], releaseId: number, label: string, skipped: Map<string, number>): SourcedRow<EducationCostRow>[] {
  const result: SourcedRow<EducationCostRow>[] = [];
  let sector: string | null = null;
  for (let index = FIRST_DATA_ROW - 1; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    const line = index + 1;
    const first = fold(cells[0] ?? null);
    if (first === "") continue;
    if (SECTIONS[first]) {
      sector = SECTIONS[first];
      continue;
    }
    const year = YEAR.exec(first);
    if (!year) {
      // A row with dollar figures is a year row whose label is damaged, not a footnote.
      if (cells.slice(1).some((cell) => typeof cell === "number")) {
        throw new DatasetFileError(label, line, "A", `expected an academic year like 2019-20 or a section label (found ${JSON.stringify(first.slice(0, 60))})`);
      }
      skipped.set(NOT_A_YEAR_ROW, (skipped.get(NOT_A_YEAR_ROW) ?? 0) + 1);
      continue;
    }
    if (!sector) throw new DatasetFileError(label, line, "A", "year row before any section label (All institutions, Public institutions, ...)");
    LEVELS.forEach((level, offset) => {
      const value = (column: number) => dollars(cells[column + offset] ?? null, label, line, column + offset);
      result.push({
        source: { file: label, line },
        row: {
          releaseId,
          sector: sector!,
          level,
          academicYear: first,
          startYear: Number(year[1]),
          tuitionFees: value(CURRENT_DOLLARS.tuitionFees),
          room: value(CURRENT_DOLLARS.room),
          board: value(CURRENT_DOLLARS.board),
          total: value(CURRENT_DOLLARS.total),
        },
      });
    });
  }
  if (result.length === 0) throw noDataRows(label);
  return result;
}

/** A dollar cell: a number, or `---`/`†`/blank for not available; anything else is an error. */
function dollars(cell: Cell, label: string, line: number, column: number): number | null {
  if (typeof cell === "number") return Math.round(cell * 100) / 100;
  const text = String(cell ?? "").trim();
  if (text === "" || /^(-{2,}|—|†|\(\d+\)|#)$/.test(text)) return null;
  if (/^\d[\d,]*(\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ""));
  throw new DatasetFileError(label, line, XLSX.utils.encode_col(column), `expected a dollar amount or --- (found ${JSON.stringify(text)})`);
}

/** The Digest edition comes from the sheet name ("Digest 2020 Table 330.10"); the month from the table's "prepared" note. */
function costsRelease(sheetName: string, rows: Cell[][]): ReleaseMetadata {
  const edition = /Digest (\d{4})/.exec(sheetName)?.[1];
  if (!edition) throw new DatasetFileError(COSTS_FILE, null, null, `cannot tell the Digest edition from the sheet name ${JSON.stringify(sheetName)} (expected "Digest YYYY Table 330.10")`);
  const prepared = rows
    .map((cells) => String(cells[0] ?? ""))
    .map((text) => /prepared (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})/.exec(text))
    .find(Boolean);
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const releasedOn = prepared ? `${prepared[2]}-${String(months.indexOf(prepared[1]!) + 1).padStart(2, "0")}-01` : `${Number(edition) + 1}-01-01`;
  const years = rows.map((cells) => YEAR.exec(fold(cells[0] ?? null))).filter((m): m is RegExpExecArray => m !== null);
  const first = years[0]?.[0];
  const last = years.at(-1)?.[0];
  return {
    dataset: "nces-costs",
    name: "Digest of Education Statistics, Table 330.10: average undergraduate tuition, fees, room and board",
    publisher: "U.S. Department of Education, National Center for Education Statistics (NCES)",
    version: `Digest ${edition}`,
    referencePeriod: first && last ? `Academic years ${first} to ${last}` : `Digest ${edition}`,
    releasedOn,
    license: "Public domain (work of the U.S. Government, 17 U.S.C. § 105)",
    sourceUrl: `https://nces.ed.gov/programs/digest/d${edition.slice(2)}/tables/dt${edition.slice(2)}_330.10.asp`,
    citation: `U.S. Department of Education, National Center for Education Statistics, Digest of Education Statistics ${edition}, Table 330.10.`,
  };
}
