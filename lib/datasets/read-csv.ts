import { parse } from "csv-parse/sync";
import { DatasetFileError } from "./dataset-error";
import { noDataRows, type SourceRow } from "./read-tab-separated";
import { readUtf8File } from "./read-text-file";

/** Reads an RFC 4180 CSV file with a header row (quoted commas allowed). */
export async function readCsv(path: string, fileLabel: string, expectedColumns: readonly string[]): Promise<SourceRow[]> {
  const text = await readUtf8File(path, fileLabel);
  let parsed: { info: { lines: number }; record: string[] }[];
  try {
    parsed = parse(text, { bom: true, info: true, relax_column_count: false, skip_empty_lines: true }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    throw new DatasetFileError(fileLabel, line, null, `is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...body] = parsed;
  const columns = header?.record.map((column) => column.trim()) ?? [];
  const missing = expectedColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new DatasetFileError(fileLabel, 1, missing[0] ?? null, `header lacks column(s) ${missing.map((c) => `"${c}"`).join(", ")}`);
  }
  if (body.length === 0) throw noDataRows(fileLabel);
  return body.map(({ info, record: cells }) => {
    const record: Record<string, string> = {};
    columns.forEach((column, position) => {
      record[column] = cells[position] ?? "";
    });
    return { line: info.lines, record };
  });
}
