import path from "node:path";
import { z } from "zod";
import { cellNumberOrMarker, ZCellNumber, ZCellText, ZSocCode } from "../cells";
import { DatasetFileError } from "../dataset-error";
import type { DatasetImporter } from "../dataset-importer";
import { parseRow, type RowLocation } from "../parse-row";
import { readWorkbookSheet, type SheetRow } from "../read-workbook";
import { describeFiles, registerRelease, type ReleaseMetadata } from "../register-release";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";
import { findProjectionColumns, type ProjectionColumns, type ProjectionPeriod } from "./projection-columns";

const FILE = "bls/occupation.xlsx";
const SHEET = "Table 1.2";
const HEADER_ROW = 2;
const LABEL = `${FILE} [${SHEET}]`;

/** BLS release dates of the projection rounds we know; others fall back to September 1 after the base year. */
const RELEASED_ON: Record<number, string> = { 2024: "2025-08-28" };

/** `—` means not available. */
const ZFigure = cellNumberOrMarker(["—"]).transform((value) => (typeof value === "number" ? value : null));

const ZCharacteristic = ZCellText.transform((value) => (value === "—" ? null : value));

/** A number, `—`, or BLS's top code written as text, e.g. `>=$239,200`. */
const ZMedianWage = z
  .union([ZCellNumber, z.literal("—"), z.string().trim().regex(/^>=\s*\$?\d[\d,]*(\.\d+)?$/)], "expected a number, — or a top code like >=$239,200")
  .transform((value) => {
    if (typeof value === "number") return { value, topCoded: false };
    if (value === "—") return { value: null, topCoded: false };
    return { value: Number(value.replace(/[>=$,\s]/g, "")), topCoded: true };
  });

/** Table 1.2 row under the names of ProjectionColumns (the real header text is mapped to them). */
export const ZProjectionRow = z.object({
  title: ZCellText,
  code: ZSocCode,
  occupationType: z.enum(["Line item", "Summary"], "expected Line item or Summary"),
  employmentBase: ZFigure,
  employmentProjected: ZFigure,
  changeNumeric: ZFigure,
  changePercent: ZFigure,
  selfEmployedPercent: ZFigure,
  annualOpenings: ZFigure,
  medianAnnualWage: ZMedianWage,
  entryEducation: ZCharacteristic,
  workExperience: ZCharacteristic,
  onTheJobTraining: ZCharacteristic,
});

const FOOTNOTE = "footnote or note row below the table (no code)";

/** BLS Employment Projections, Table 1.2 of occupation.xlsx: one row per matrix occupation (line items and summaries). */
export const projectionsImporter: DatasetImporter = {
  dataset: "projections",
  requiredFiles: [FILE],
  async import(context) {
    const progress = context.report.progress(FILE);
    const records = await readWorkbookSheet(path.join(context.dir, FILE), FILE, SHEET, HEADER_ROW, []);
    const { columns, period } = findProjectionColumns(Object.keys(records[0]?.record ?? {}), LABEL, HEADER_ROW);
    const { releaseId } = await registerRelease(context.client, projectionsRelease(period), await describeFiles(context.dir, [FILE]));
    const skipped = new Map<string, number>();
    const rows: SourcedRow<Record<string, string | number | boolean | null>>[] = [];
    for (const { line, record } of records) {
      if (isFootnote(record, columns)) {
        skipped.set(FOOTNOTE, (skipped.get(FOOTNOTE) ?? 0) + 1);
        continue;
      }
      const source = { file: LABEL, line };
      rows.push({ source, row: toProjectionRow(releaseId, period, parseProjectionRow(record, columns, source)) });
    }
    progress.advance(records.length);
    progress.finish();
    const counts = await syncReleaseRows({ client: context.client, table: "Projection", releaseId, key: ["releaseId", "socCode"], rows });
    context.report.recordTable("projections", "Projection", counts, skipped);
  },
};

function projectionsRelease({ baseYear, projectedYear }: ProjectionPeriod): ReleaseMetadata {
  const version = `${baseYear}–${String(projectedYear).slice(2)}`;
  return {
    dataset: "projections",
    name: "Employment Projections: occupational projections and worker characteristics (Table 1.2)",
    publisher: "U.S. Bureau of Labor Statistics, Employment Projections program",
    version,
    referencePeriod: `${baseYear}–${projectedYear}`,
    releasedOn: RELEASED_ON[baseYear] ?? `${baseYear + 1}-09-01`,
    license: "Public domain (work of the U.S. Government, 17 U.S.C. § 105)",
    sourceUrl: "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx",
    citation: `U.S. Bureau of Labor Statistics, Employment Projections ${version}, Table 1.2: Occupational projections and worker characteristics.`,
  };
}

/** Rows below the table ("Footnotes:", "[1] Data are from ...", "Source: ...") have no code and no occupation type. */
function isFootnote(record: SheetRow["record"], columns: ProjectionColumns): boolean {
  return record[columns.code] === null && record[columns.occupationType] === null;
}

/** Validates a row under the canonical names; an error names the column as the file does. */
function parseProjectionRow(record: SheetRow["record"], columns: ProjectionColumns, source: RowLocation) {
  const canonical = Object.fromEntries(Object.entries(columns).map(([key, header]) => [key, record[header] ?? null]));
  try {
    return parseRow(ZProjectionRow, canonical, source);
  } catch (error) {
    if (!(error instanceof DatasetFileError) || error.column === null) throw error;
    throw new DatasetFileError(error.file, error.line, columns[error.column as keyof ProjectionColumns] ?? error.column, error.reason);
  }
}

function toProjectionRow(releaseId: number, period: ProjectionPeriod, row: z.output<typeof ZProjectionRow>) {
  return {
    releaseId,
    socCode: row.code,
    title: row.title,
    occupationType: row.occupationType,
    baseYear: period.baseYear,
    projectedYear: period.projectedYear,
    employmentBase: row.employmentBase,
    employmentProjected: row.employmentProjected,
    changeNumeric: row.changeNumeric,
    changePercent: row.changePercent,
    selfEmployedPercent: row.selfEmployedPercent,
    annualOpenings: row.annualOpenings,
    medianAnnualWage: row.medianAnnualWage.value,
    medianWageTopCoded: row.medianAnnualWage.topCoded,
    entryEducation: row.entryEducation,
    workExperience: row.workExperience,
    onTheJobTraining: row.onTheJobTraining,
  };
}
