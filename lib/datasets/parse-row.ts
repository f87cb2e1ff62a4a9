import type { z } from "zod";
import { DatasetFileError } from "./dataset-error";

export interface RowLocation {
  file: string;
  line: number;
}

/**
 * Validates one raw record (column name → cell) against a row schema, turning the first
 * zod issue into a DatasetFileError that names file, line and column.
 */
export function parseRow<TSchema extends z.ZodType>(
  schema: TSchema,
  record: Record<string, unknown>,
  location: RowLocation,
): z.output<TSchema> {
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const column = issue?.path.length ? String(issue.path[0]) : null;
  const cell = column === null ? undefined : record[column];
  const shown = cell === undefined ? "" : ` (found ${JSON.stringify(truncate(String(cell)))})`;
  throw new DatasetFileError(location.file, location.line, column, `${issue?.message ?? "invalid row"}${shown}`);
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
