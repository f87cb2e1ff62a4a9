// @ts-check
// The cache tags any app instance revalidated, kept in PostgreSQL so that every instance
// drops its cached copies (see shared-cache-handler.cjs). CommonJS because Next loads the
// cache handler with a plain runtime import, outside the bundle.
const { Pool } = require("pg");

/**
 * A small pool of its own: the handler runs beside Prisma's pool and needs one connection
 * at a time. Errors of idle clients (PostgreSQL restarted) must not crash the process.
 * @param {string} databaseUrl
 */
function createTagStorePool(databaseUrl) {
  const pool = new Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 2_000, allowExitOnIdle: true });
  pool.on("error", () => {});
  return pool;
}

/**
 * Records that `tags` were revalidated. Times are milliseconds since the epoch, as Next's
 * tags manifest keeps them; a later time never goes back to an earlier one.
 * @param {import("pg").Pool} pool
 * @param {{ tag: string; staleAt?: number | undefined; expiredAt?: number | undefined }[]} entries
 */
async function recordRevalidatedTags(pool, entries) {
  if (entries.length === 0) return;
  await pool.query(
    `INSERT INTO "CacheTagRevalidation" ("tag", "staleAt", "expiredAt", "updatedAt")
     SELECT tag, stale, expired, now() FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS t(tag, stale, expired)
     ON CONFLICT ("tag") DO UPDATE SET
       "staleAt" = GREATEST("CacheTagRevalidation"."staleAt", EXCLUDED."staleAt"),
       "expiredAt" = GREATEST("CacheTagRevalidation"."expiredAt", EXCLUDED."expiredAt"),
       "updatedAt" = now()`,
    [entries.map((e) => e.tag), entries.map((e) => e.staleAt ?? null), entries.map((e) => e.expiredAt ?? null)],
  );
}

/**
 * The revalidations recorded since `since` (the database's clock; null: all of them), and the
 * database's time of the read, to pass as `since` next time.
 * @param {import("pg").Pool} pool
 * @param {Date | null} since
 */
async function readRevalidatedTags(pool, since) {
  const { rows } = await pool.query(
    `SELECT now() AS "readAt",
            COALESCE(json_agg(json_build_object('tag', "tag", 'staleAt', "staleAt", 'expiredAt', "expiredAt")) FILTER (WHERE "tag" IS NOT NULL), '[]') AS "tags"
     FROM "CacheTagRevalidation" WHERE $1::timestamptz IS NULL OR "updatedAt" >= $1::timestamptz`,
    [since],
  );
  /** @type {{ readAt: Date; tags: { tag: string; staleAt: number | null; expiredAt: number | null }[] }} */
  const row = rows[0];
  return { readAt: row.readAt, tags: row.tags.map((t) => ({ tag: t.tag, staleAt: t.staleAt ?? undefined, expiredAt: t.expiredAt ?? undefined })) };
}

module.exports = { createTagStorePool, recordRevalidatedTags, readRevalidatedTags };
