import pg from "pg";
import type { Tx } from "@/lib/db/transaction";

/** The PostgreSQL channel on which every app instance hears of a data change (its payload: the row's id). */
export const DATA_CHANGE_CHANNEL = "careerwiki_data_change";

export interface RecordDataChangeInput {
  databaseUrl: string;
  /** What made it: "import" (`npm run data:import`), "restore" (`npm run db:restore`). */
  source: string;
  /**
   * The occupations whose official rows changed (ImportReport.changedOccupations), or null
   * when any page may have changed. The occupations whose related careers name one of them
   * are added: their pages show its title.
   */
  occupationCodes: readonly string[] | null;
  /**
   * The change's id is made greater than this: after a restore, the restored ids may be lower
   * than the last one running instances handled (they would skip the change).
   */
  idAbove?: number;
}

/**
 * After a change to the data pages show commits outside the app instances (an import, a restore):
 * records it in `DataChange` and notifies every running instance in one statement,
 * delivered when it commits (lib/cache/listen-for-data-changes.ts). Each instance then drops
 * its cached pages and one of them refreshes the cache front's copies (lib/cache/apply-data-change.ts),
 * whatever cache they use (Next's files or Redis) and however many there are; the importer
 * needs to know none of them. Returns the change's id.
 */
export async function recordDataChange({ databaseUrl, source, occupationCodes, idAbove = 0 }: RecordDataChangeInput): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    if (idAbove > 0) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"DataChange"', 'id'), $1) WHERE $1 > (SELECT coalesce(max("id"), 0) FROM "DataChange")`, [idAbove]);
    }
    const result = await client.query<{ id: number }>(RECORD_DATA_CHANGE_SQL, [source, occupationCodes, DATA_CHANGE_CHANNEL, []]);
    return result.rows[0]!.id;
  } finally {
    await client.end();
  }
}

/**
 * The same record, from inside an app transaction (the verification-expiry job): the change
 * and what caused it commit together, and the instances hear of it on commit. `paths` names
 * other cached pages to drop (a public profile, /people/<n>).
 */
export async function recordDataChangeIn(tx: Tx, { source, occupationCodes, paths = [] }: Pick<RecordDataChangeInput, "source" | "occupationCodes"> & { paths?: readonly string[] }): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ id: number }[]>(RECORD_DATA_CHANGE_SQL, source, occupationCodes, DATA_CHANGE_CHANNEL, paths);
  return row!.id;
}

/** $1 source, $2 occupation codes (null: every page), $3 the channel, $4 other paths. */
const RECORD_DATA_CHANGE_SQL = `WITH change AS (
   INSERT INTO "DataChange" ("source", "everyPage", "occupationCodes", "paths")
   SELECT $1, $2::text[] IS NULL, ARRAY(
     SELECT unnest($2::text[]) UNION SELECT "occupationCode" FROM "RelatedOccupation" WHERE "relatedCode" = ANY($2::text[]) ORDER BY 1), $4::text[]
   RETURNING "id")
 SELECT c."id" FROM change c CROSS JOIN LATERAL (SELECT pg_notify($3, c."id"::text)) AS notified`;
