import { DatasetFileError } from "./dataset-error";
import { readUtf8File } from "./read-text-file";

/** An official file with a header and nothing under it is cut short, not an empty release. */
export function noDataRows(fileLabel: string): DatasetFileError {
  return new DatasetFileError(fileLabel, 2, null, "has a header but no data rows (is the file cut short?)");
}

export interface SourceRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  record: Record<string, string>;
}

/**
 * Reads an O*NET text file: tab-separated, one header row, no quoting. Checks the header
 * holds the expected columns and that every line has as many cells as the header.
 */
export async function readTabSeparated(path: string, fileLabel: string, expectedColumns: readonly string[]): Promise<SourceRow[]> {
  const text = await readUtf8File(path, fileLabel);
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const header = (lines[0] ?? "").replace(/^\uFEFF/, "").replace(/\r$/, "").split("\t");
  const missing = expectedColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new DatasetFileError(fileLabel, 1, missing[0] ?? null, `header lacks column(s) ${missing.map((c) => `"${c}"`).join(", ")}; found ${header.map((c) => `"${c}"`).join(", ")}`);
  }
  const rows: SourceRow[] = [];
  for (let index = 1; index < lines.length; index++) {
    const raw = (lines[index] ?? "").replace(/\r$/, "");
    const line = index + 1;
    if (raw === "") throw new DatasetFileError(fileLabel, line, null, "is empty");
    const cells = raw.split("\t");
    if (cells.length !== header.length) {
      throw new DatasetFileError(fileLabel, line, null, `has ${cells.length} tab-separated cells, the header has ${header.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((column, position) => {
      record[column] = cells[position] ?? "";
    });
    rows.push({ line, record });
  }
  if (rows.length === 0) throw noDataRows(fileLabel);
  return rows;
}
