import ExcelJS from "exceljs";
import { DatasetFileError } from "./dataset-error";
import { noDataRows } from "./read-tab-separated";

export interface SheetRow {
  /** 1-based row number in the sheet, as Excel shows it. */
  line: number;
  /** Header text → cell value (number, string, or null for an empty cell). */
  record: Record<string, string | number | null>;
}

/** An .xlsx workbook, or a DatasetFileError naming the file when it is not one (truncated, not a zip, ...). */
export async function openWorkbook(path: string, fileLabel: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new DatasetFileError(fileLabel, null, null, `cannot be read as an .xlsx workbook: ${(error as Error).message}`);
  }
  return workbook;
}

/**
 * Reads one sheet of an .xlsx workbook into records keyed by the header row's text.
 * Cells keep their type: BLS mixes numbers with `#`, `*` and `**` in the same column.
 */
export async function readWorkbookSheet(
  path: string,
  fileLabel: string,
  sheetName: string,
  headerRow: number,
  expectedColumns: readonly string[],
): Promise<SheetRow[]> {
  const workbook = await openWorkbook(path, fileLabel);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) {
    const names = workbook.worksheets.map((ws) => `"${ws.name}"`).join(", ");
    throw new DatasetFileError(fileLabel, null, null, `has no sheet "${sheetName}" (sheets: ${names})`);
  }
  const header: string[] = [];
  sheet.getRow(headerRow).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column] = normaliseHeader(cellText(cell.value));
  });
  const missing = expectedColumns.filter((column) => !header.includes(normaliseHeader(column)));
  if (missing.length > 0) {
    throw new DatasetFileError(`${fileLabel} [${sheetName}]`, headerRow, missing[0] ?? null, `header lacks column(s) ${missing.map((c) => `"${c}"`).join(", ")}`);
  }
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const record: Record<string, string | number | null> = {};
    header.forEach((column, position) => {
      if (column) record[column] = cellValue(row.getCell(position).value);
    });
    rows.push({ line: rowNumber, record });
  });
  if (rows.length === 0) throw noDataRows(`${fileLabel} [${sheetName}]`);
  return rows;
}

/** Header cells sometimes carry line breaks or double spaces; compare them folded. */
function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function cellValue(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  const text = cellText(value);
  return text === "" ? null : text;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}
