import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { encodeCopyRow, type CopyValue } from "./copy-format";
import { DatasetFileError } from "./dataset-error";
import type { RowLocation } from "./parse-row";

export interface TableCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /**
   * The occupations (O*NET-SOC codes) whose rows were inserted, updated or deleted, when the
   * table says (its `occupationColumn`); undefined when it cannot, and then any page may have
   * changed. An empty list: no page read from the changed rows.
   */
  changedOccupations?: string[];
}

export interface SourcedRow<Row> {
  row: Row;
  source: RowLocation;
}

export interface SyncReleaseRowsOptions<Row extends Record<string, CopyValue>> {
  client: PoolClient;
  /** The Prisma model (table) name. */
  table: string;
  releaseId: number;
  /** Primary-key columns (must include releaseId). */
  key: readonly (keyof Row & string)[];
  rows: readonly SourcedRow<Row>[];
  /** The column holding the row's O*NET-SOC code, to report which occupations changed; default `occupationCode` when the key has it. */
  occupationColumn?: keyof Row & string;
}

/**
 * Makes the table's rows for one release equal to `rows`, in bulk: COPY into a temporary
 * table, one INSERT ... ON CONFLICT that only rewrites rows whose values really differ,
 * and one DELETE of rows the file no longer has. Re-running with the same rows changes
 * nothing, which is what makes a second import report 0 changes.
 */
export async function syncReleaseRows<Row extends Record<string, CopyValue>>(
  options: SyncReleaseRowsOptions<Row>,
): Promise<TableCounts> {
  const { client, table, releaseId, key, rows } = options;
  const occupationColumn = options.occupationColumn ?? (key.includes("occupationCode" as keyof Row & string) ? "occupationCode" : undefined);
  rejectDuplicateKeys(rows, key);
  const first = rows[0]?.row;
  const counts: TableCounts = { read: rows.length, inserted: 0, updated: 0, unchanged: 0, deleted: 0 };
  const changedOccupations = new Set<string>();
  const stage = `stage_${table}`;
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS "${stage}" (LIKE "${table}" INCLUDING DEFAULTS) ON COMMIT DROP`);
  await client.query(`TRUNCATE "${stage}"`);

  if (first) {
    const columns = Object.keys(first);
    const columnList = columns.map(quote).join(", ");
    const copy = client.query(copyFrom(`COPY "${stage}" (${columnList}) FROM STDIN`));
    try {
      await pipeline(
        Readable.from(
          (function* () {
            for (const { row, source } of rows) {
              try {
                yield encodeCopyRow(columns.map((column) => row[column]));
              } catch (error) {
                throw new DatasetFileError(source.file, source.line, null, `cannot be stored: ${(error as Error).message}`);
              }
            }
          })(),
        ),
        copy,
      );
    } catch (error) {
      throw locateCopyError(error, rows);
    }
    const valueColumns = columns.filter((column) => !key.includes(column));
    const onConflict =
      valueColumns.length === 0
        ? "DO NOTHING"
        : `DO UPDATE SET ${valueColumns.map((c) => `${quote(c)} = EXCLUDED.${quote(c)}`).join(", ")}
           WHERE (${valueColumns.map((c) => `"${table}".${quote(c)}`).join(", ")}) IS DISTINCT FROM (${valueColumns.map((c) => `EXCLUDED.${quote(c)}`).join(", ")})`;
    // Counted in the database: sending every written row back would cost more than the write.
    // The written rows' occupations, as one array (distinct codes: a thousand at most).
    const upserted = await client.query<{ inserted: number; written: number; occupations: string[] | null }>(
      `WITH written AS (
         INSERT INTO "${table}" (${columnList}) SELECT ${columnList} FROM "${stage}"
         ON CONFLICT (${key.map(quote).join(", ")}) ${onConflict}
         RETURNING (xmax = 0) AS inserted${occupationColumn ? `, ${quote(occupationColumn)} AS occupation` : ""})
       SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*)::int AS written,
              ${occupationColumn ? "array_agg(DISTINCT occupation)" : "NULL::text[]"} AS occupations FROM written`,
    );
    const { inserted = 0, written = 0, occupations } = upserted.rows[0] ?? {};
    for (const code of occupations ?? []) changedOccupations.add(code);
    counts.inserted = inserted;
    counts.updated = written - inserted;
    counts.unchanged = rows.length - written;
  }

  // Statistics first: an unanalysed temporary table looks empty to the planner, which then
  // picked a nested-loop anti-join (quadratic: 829 s for a release where every row changed).
  await client.query(`ANALYZE "${stage}"`);
  const deleted = await deleteRowsMissingFromStage(client, { table, stage, key, where: `"releaseId" = $1`, params: [releaseId], returning: occupationColumn });
  counts.deleted = deleted.count;
  if (occupationColumn) counts.changedOccupations = [...changedOccupations, ...deleted.returned].filter((code, index, all) => all.indexOf(code) === index);
  return counts;
}

/**
 * Deletes the rows of `table` (those matching `where`) whose key is not in the staging table.
 * The keys to delete are found with EXCEPT (a hash or sort set operation, linear in rows
 * whatever the planner believes about the tables), then removed by key through the primary key.
 * With `returning`, the distinct values of that column among the deleted rows come back too.
 */
export async function deleteRowsMissingFromStage(
  client: PoolClient,
  options: { table: string; stage: string; key: readonly string[]; where?: string; params?: unknown[]; returning?: string | undefined },
): Promise<{ count: number; returned: string[] }> {
  const { table, stage, key, where, params = [], returning } = options;
  const columns = key.map(quote).join(", ");
  const sameKey = key.map((column) => `t.${quote(column)} = gone.${quote(column)}`).join(" AND ");
  const result = await client.query(
    `DELETE FROM "${table}" t USING (
       SELECT ${columns} FROM "${table}"${where ? ` WHERE ${where}` : ""}
       EXCEPT SELECT ${columns} FROM "${stage}") gone
     WHERE ${sameKey}${returning ? ` RETURNING t.${quote(returning)} AS "returned"` : ""}`,
    params,
  );
  return { count: result.rowCount ?? 0, returned: [...new Set(result.rows.map((row: { returned: string }) => row.returned))] };
}

/**
 * A value the row schemas let through but PostgreSQL refuses (COPY reports `line N` of
 * the staged rows, in file order): still an error naming the file's line, never a crash.
 */
function locateCopyError(error: unknown, rows: readonly SourcedRow<unknown>[]): unknown {
  if (error instanceof DatasetFileError) return error;
  const where = (error as { where?: string }).where ?? "";
  const match = /COPY \S+, line (\d+)(?:, column (\w+))?/.exec(where);
  const source = match ? rows[Number(match[1]) - 1]?.source : undefined;
  if (!source) return error;
  const column = match?.[2] ? ` (table column ${match[2]})` : "";
  return new DatasetFileError(source.file, source.line, null, `cannot be stored: ${(error as Error).message}${column}`);
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function rejectDuplicateKeys<Row extends Record<string, CopyValue>>(rows: readonly SourcedRow<Row>[], key: readonly string[]) {
  const seen = new Map<string, RowLocation>();
  for (const { row, source } of rows) {
    const id = JSON.stringify(key.map((column) => row[column]));
    const earlier = seen.get(id);
    if (earlier) {
      const shownKey = key.filter((c) => c !== "releaseId").map((c) => `${c}=${String(row[c])}`).join(", ");
      throw new DatasetFileError(source.file, source.line, null, `duplicates the row on line ${earlier.line} (same ${shownKey})`);
    }
    seen.set(id, source);
  }
}
