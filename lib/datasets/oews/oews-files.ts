import { readdir } from "node:fs/promises";
import path from "node:path";
import { DatasetFileError } from "../dataset-error";
import { openWorkbook } from "../read-workbook";

export const BLS_DIR = "bls";

/** The three OEWS file kinds BLS publishes per May reference year, all with the same 32 columns. */
export type OewsScope = "national" | "state" | "MSA";

export interface OewsFile {
  /** Relative to the data folder, e.g. bls/national_M2024_dl.xlsx. */
  name: string;
  scope: OewsScope;
  year: number;
}

/** BLS's `state_M2024_dl.xlsx`, or a CSV with the same columns such as `oews_state_M2024.csv`. */
const OEWS_FILE = /^(?:oews_)?(national|state|MSA)_M(\d{4})(?:_dl)?\.(xlsx|csv)$/i;

/**
 * Every OEWS file in bls/, grouped by reference year (newest first). BLS names them
 * `national_M2024_dl.xlsx`, `state_M2024_dl.xlsx`, `MSA_M2024_dl.xlsx`; the state file on
 * hand is `oews_state_M2024.csv`. Each year is one release; a state or metro file is
 * optional (without it, pages have no pay by state).
 */
export async function findOewsFiles(dir: string): Promise<Map<number, OewsFile[]>> {
  const names = (await readdir(path.join(dir, BLS_DIR))).sort();
  const byYear = new Map<number, OewsFile[]>();
  for (const name of names) {
    const match = OEWS_FILE.exec(name);
    if (!match) continue;
    const scope = (["national", "state", "MSA"] as const).find((s) => s.toLowerCase() === match[1]!.toLowerCase())!;
    const year = Number(match[2]);
    byYear.set(year, [...(byYear.get(year) ?? []), { name: `${BLS_DIR}/${name}`, scope, year }]);
  }
  if (byYear.size === 0) {
    throw new DatasetFileError(`${BLS_DIR}/national_M<YYYY>_dl.xlsx`, null, null, "no OEWS file found in bls/ (expected e.g. national_M2024_dl.xlsx from BLS's oesm24nat.zip)");
  }
  return new Map([...byYear].sort(([a], [b]) => b - a));
}

/**
 * The data sheet of an OEWS workbook. National files name it after the file
 * (`national_M2024_dl`); for state and metro files, whose sheet names have varied, it is
 * the first sheet whose first row has an OCC_CODE column.
 */
export async function findOewsSheet(dir: string, file: OewsFile): Promise<string> {
  const stem = path.basename(file.name, ".xlsx");
  if (file.scope === "national") return stem;
  const workbook = await openWorkbook(path.join(dir, file.name), file.name);
  const named = workbook.getWorksheet(stem);
  const candidates = named ? [named, ...workbook.worksheets] : workbook.worksheets;
  for (const sheet of candidates) {
    const header = sheet.getRow(1).values as unknown[];
    if (Array.isArray(header) && header.some((cell) => typeof cell === "string" && cell.trim() === "OCC_CODE")) return sheet.name;
  }
  throw new DatasetFileError(file.name, 1, "OCC_CODE", "no sheet has an OCC_CODE column in its first row");
}
