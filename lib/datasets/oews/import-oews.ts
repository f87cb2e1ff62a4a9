import path from "node:path";
import type { DatasetImporter, ImportContext } from "../dataset-importer";
import { parseRow } from "../parse-row";
import { readCsv } from "../read-csv";
import { readWorkbookSheet, type SheetRow } from "../read-workbook";
import { describeFiles, registerRelease } from "../register-release";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";
import { BLS_DIR, findOewsFiles, findOewsSheet, type OewsFile } from "./oews-files";
import { oewsRelease } from "./oews-release";
import { OEWS_REQUIRED_COLUMNS, toWageRow, ZOewsRow, type WageRow } from "./oews-row";

/**
 * OEWS wages and employment. Every `bls/national_M<YYYY>_dl.xlsx` is its own release
 * ("May 2024", "May 2023", ...), together with the same year's `state_`/`MSA_` files when a
 * user's folder has them, or `oews_state_M<YYYY>.csv` (rows differ by AREA). All rows are kept, groups included: a page
 * whose occupation has no row of its own falls back to the smallest published group.
 * The importer finds the years itself, so a folder with only May 2025 (or May 2023) still
 * imports; with no national file at all the dataset is skipped and reported.
 */
export const oewsImporter: DatasetImporter = {
  dataset: "oews",
  requiredFiles: [`${BLS_DIR}/national_M*_dl.xlsx`],
  async import(context) {
    const years = await findOewsFiles(context.dir);
    for (const [year, files] of years) await importOewsYear(context, year, files);
  },
};

async function importOewsYear(context: ImportContext, year: number, files: readonly OewsFile[]) {
  if (!files.some((file) => file.scope === "state")) {
    context.report.notice(`oews: no ${BLS_DIR}/state_M${year}_dl.xlsx or ${BLS_DIR}/oews_state_M${year}.csv, so May ${year} has no pay by state (skipped).`);
  }
  const described = await describeFiles(context.dir, files.map((file) => file.name));
  const { releaseId } = await registerRelease(context.client, oewsRelease(year), described);
  const rows: SourcedRow<WageRow>[] = [];
  for (const file of files) rows.push(...(await readOewsFile(context, file, releaseId)));
  const skipped = new Map<string, number>();
  const counts = await syncReleaseRows({
    client: context.client,
    table: "Wage",
    releaseId,
    key: ["releaseId", "areaCode", "socCode"],
    rows: foldRepeatedGroupRows(rows, skipped),
  });
  context.report.recordTable("oews", `Wage (May ${year})`, counts, skipped);
}

async function readOewsFile(context: ImportContext, file: OewsFile, releaseId: number): Promise<SourcedRow<WageRow>[]> {
  const progress = context.report.progress(file.name);
  const { label, records } = await readOewsRecords(context.dir, file);
  const rows = records.map(({ line, record }) => {
    const source = { file: label, line };
    return { source, row: toWageRow(releaseId, parseRow(ZOewsRow, record, source)) };
  });
  progress.advance(rows.length);
  progress.finish();
  return rows;
}

/** An OEWS file's records by column name, whether BLS's .xlsx or a CSV (whose empty cells become null, as in a sheet). */
async function readOewsRecords(dir: string, file: OewsFile): Promise<{ label: string; records: SheetRow[] }> {
  const filePath = path.join(dir, file.name);
  if (file.name.toLowerCase().endsWith(".csv")) {
    const records = await readCsv(filePath, file.name, OEWS_REQUIRED_COLUMNS);
    return {
      label: file.name,
      records: records.map(({ line, record }) => ({
        line,
        record: Object.fromEntries(Object.entries(record).map(([column, cell]) => [column, cell.trim() === "" ? null : cell])),
      })),
    };
  }
  const sheet = await findOewsSheet(dir, file);
  return { label: `${file.name} [${sheet}]`, records: await readWorkbookSheet(filePath, file.name, sheet, 1, OEWS_REQUIRED_COLUMNS) };
}

/**
 * OEWS publishes a few codes twice, once as `broad` and once as `detailed`, with the same
 * figures (13-1020 Buyers and Purchasing Agents, 29-2010, 47-4090, 51-2090, ...): BLS does
 * not estimate the detailed occupations under them separately. One row per code is kept,
 * as `broad` (it is a SOC group, and pages find it as the group that contains the
 * occupation). Two rows with the same code and different figures are left in, so that
 * syncReleaseRows rejects them as duplicates naming both lines.
 */
function foldRepeatedGroupRows(rows: readonly SourcedRow<WageRow>[], skipped: Map<string, number>): SourcedRow<WageRow>[] {
  const kept = new Map<string, SourcedRow<WageRow>>();
  const result: SourcedRow<WageRow>[] = [];
  for (const entry of rows) {
    const key = `${entry.row.areaCode}|${entry.row.socCode}`;
    const earlier = kept.get(key);
    if (earlier && isBroadDetailedPair(earlier.row, entry.row)) {
      earlier.row.groupLevel = "broad";
      const reason = "detailed row repeating its broad group's row (same code and figures; kept once, as broad)";
      skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
      continue;
    }
    kept.set(key, entry);
    result.push(entry);
  }
  return result;
}

function isBroadDetailedPair(a: WageRow, b: WageRow): boolean {
  const levels = new Set([a.groupLevel, b.groupLevel]);
  if (!(levels.has("broad") && levels.has("detailed"))) return false;
  return JSON.stringify({ ...a, groupLevel: null }) === JSON.stringify({ ...b, groupLevel: null });
}
