// @ts-check
// Next's cache handler (next.config.ts `cacheHandler`): Next's own file-system cache, plus
// revalidations shared through PostgreSQL so that several app instances serving one database
// all drop a page when any of them revalidates it (an approval, a rollback, an import).
//
// Each instance keeps its cached pages on its own disk and memory, as Next does; only the
// tags travel. `revalidateTag` records them in "CacheTagRevalidation"; every instance polls
// that table (every CACHE_SYNC_INTERVAL_MS, 500 by default) and copies the times into Next's
// in-process tags manifest, which the file-system cache consults on every read. A reader's
// view costs no database query. Without DATABASE_URL (next build) it is Next's cache alone.
//
// Only successful answers and deliberate redirects are stored (`isCacheableEntry`): Next
// 16 caches whatever an ISR page or route handler answers, for any method, so one POST to
// an uncached /api/roles/<code> made its 405 the page for an hour, and every unknown slug
// left its 404 on disk.
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external");
const { createTagStorePool, readRevalidatedTags, recordRevalidatedTags } = require("./shared-tag-store.cjs");

const SYNC_INTERVAL_MS = Number(process.env.CACHE_SYNC_INTERVAL_MS ?? 500);
// "updatedAt" is the writer's statement time; a write that commits a little later is still read.
const LOOKBACK_MS = 5_000;
// An instance that starts while PostgreSQL is away serves what it has rather than wait longer.
const FIRST_SYNC_WAIT_MS = 3_000;

/** @type {{ pool: import("pg").Pool; ready: Promise<unknown> } | null} */
let sync = null;

function startSync() {
  const databaseUrl = process.env.DATABASE_URL;
  if (sync || !databaseUrl) return sync;
  const pool = createTagStorePool(databaseUrl);
  /** @type {Date | null} */
  let since = null;
  let failing = false;
  const pull = async () => {
    try {
      const { tags, readAt } = await readRevalidatedTags(pool, since);
      for (const { tag, staleAt, expiredAt } of tags) applyRevalidation(tag, staleAt, expiredAt);
      since = new Date(readAt.getTime() - LOOKBACK_MS);
      if (failing) console.log("Shared cache revalidations: reading them again.");
      failing = false;
    } catch (error) {
      if (!failing) console.error(`Shared cache revalidations: cannot read them (${/** @type {Error} */ (error).message}); retrying.`);
      failing = true;
    }
  };
  const firstSync = pull();
  const timer = setInterval(() => void firstSync.then(pull), SYNC_INTERVAL_MS);
  timer.unref();
  const ready = Promise.race([firstSync, new Promise((resolve) => setTimeout(resolve, FIRST_SYNC_WAIT_MS).unref())]);
  sync = { pool, ready };
  return sync;
}

/**
 * Copies one shared revalidation into Next's tags manifest; never moves a time backwards.
 * @param {string} tag
 * @param {number | undefined} staleAt
 * @param {number | undefined} expiredAt
 */
function applyRevalidation(tag, staleAt, expiredAt) {
  const entry = { ...tagsManifest.get(tag) };
  if (staleAt !== undefined && !(entry.stale >= staleAt)) entry.stale = staleAt;
  if (expiredAt !== undefined && !(entry.expired >= expiredAt)) entry.expired = expiredAt;
  tagsManifest.set(tag, entry);
}

// The statuses a response may be cached with: success, and the redirects pages make on
// purpose (an O*NET-SOC code or an old slug to the current slug). A page rendered with 200
// carries no status.
const CACHEABLE_STATUSES = new Set([200, 301, 302, 303, 307, 308]);
const RESPONSE_KINDS = new Set(["APP_PAGE", "APP_ROUTE", "PAGES"]);

/**
 * Whether Next may store this cache value: data-cache entries always; rendered pages and
 * route handler answers only with a cacheable status.
 * @param {{ kind?: string; status?: number } | null | undefined} value
 */
function isCacheableEntry(value) {
  if (!value || !RESPONSE_KINDS.has(/** @type {string} */ (value.kind))) return true;
  return value.status === undefined || CACHEABLE_STATUSES.has(value.status);
}

class SharedRevalidationCache extends FileSystemCache {
  /** @param {any} context */
  constructor(context) {
    super(context);
    startSync();
  }

  /** @param {any[]} args */
  async get(...args) {
    // Pages cached on disk before this instance started may have been revalidated meanwhile.
    if (sync) await sync.ready;
    return super.get(...args);
  }

  /** @param {any[]} args */
  async set(...args) {
    // Refused entries are not kept in memory either: the next request renders afresh.
    if (!isCacheableEntry(args[1])) return;
    return super.set(...args);
  }

  /**
   * @param {string | string[]} tags
   * @param {any} [durations]
   */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const shared = startSync();
    if (!shared) return;
    const list = typeof tags === "string" ? [tags] : tags;
    const entries = list.map((tag) => ({ tag, staleAt: tagsManifest.get(tag)?.stale, expiredAt: tagsManifest.get(tag)?.expired }));
    try {
      await recordRevalidatedTags(shared.pool, entries);
    } catch (error) {
      // This instance already dropped its copies; the others keep theirs until their expiry.
      console.error(`Shared cache revalidations: could not record ${list.join(", ")} (${/** @type {Error} */ (error).message}).`);
    }
  }
}

module.exports = SharedRevalidationCache;
module.exports.applyRevalidation = applyRevalidation;
module.exports.isCacheableEntry = isCacheableEntry;
