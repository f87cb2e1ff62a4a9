// @ts-check
// Next's cache handler (next.config.ts `cacheHandler`).
//
// With REDIS_URL (several instances, `npm run start:cluster`): @fortedigital/nextjs-cache-handler
// with its Redis handler (redis-cache.cjs), shared by every instance. Without it (`npm start`,
// one instance): Next's own file-system cache, which needs nothing else.
//
// Either way, only successful answers and deliberate redirects are stored (`isCacheableEntry`):
// Next 16 hands the handler whatever an ISR page or route handler answered, for any method,
// so one POST to an uncached /api/roles/<code> made its 405 the page for an hour, and every
// unknown slug left its 404 in the cache. Neither cache refuses those by itself.
//
// And a route handler's answer (APP_ROUTE: /api/roles/<code>, the Markdown export) is stored
// with the cache tags Next gives it in its `x-next-cache-tags` header (`withRouteTags`): the
// library reads that header for pages only and stored route answers with no tag, so no
// revalidation ever reached them.
//
// In Redis, a page or route answer also keeps its lifetime (Next's `cacheControl`, `STORED_CACHE_CONTROL`):
// Next remembers a route's lifetime in the memory of the instance that rendered it, and
// another instance reading the entry without one takes it as 1 second old at most: it served
// it STALE and rendered again on nearly every request. Next 16 uses an entry's own `cacheControl`.
//
// And an entry is as old as the render that made it, not as the moment it is stored
// (`renderStartedAt`): Next stamps an entry with the time of set(), so a render that began
// before a change committed (it read the old data) and ended after the change revalidated the
// role's tag was stored as newer than the revalidation, and served as fresh until the next
// one (e2e/operations/approval-during-render.spec.ts). Next constructs this handler once per
// request, before the render reads anything, so its construction is when the render began.
// Without Redis, set() refuses an entry one of whose tags was revalidated since then (checked
// and stored in one synchronous step: nothing can revalidate in between). With Redis, the
// entry is stored stamped with that start (the library's `internal_lastModified`), every tag
// revalidation records its time in Redis (redis-cache.cjs), and the library's get() drops an
// entry stamped before a revalidation of one of its tags, on every instance, whatever the order
// in which the store and the revalidation reach Redis.
//
// Next constructs it for each request; the latest is registered (loaded-cache.cjs) so that a
// data change heard from PostgreSQL outside any request can drop entries (apply-data-change.ts).
const { PHASE_PRODUCTION_BUILD } = require("next/constants");
const { registerLoadedCache } = require("./loaded-cache.cjs");

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

/**
 * The set() context with a route answer's tags, from the header Next puts them in.
 * @param {{ kind?: string; headers?: Record<string, string | string[] | undefined> } | null | undefined} value
 * @param {{ tags?: string[] } | undefined} ctx
 */
function withRouteTags(value, ctx) {
  const header = value?.kind === "APP_ROUTE" ? value.headers?.["x-next-cache-tags"] : undefined;
  if (header === undefined || (ctx?.tags?.length ?? 0) > 0) return ctx;
  return { ...ctx, tags: (Array.isArray(header) ? header : header.split(",")).filter(Boolean) };
}

/** Where a page's or route answer's lifetime rides along inside the value stored in Redis. */
const STORED_CACHE_CONTROL = "careerwikiCacheControl";

/**
 * The value to store, with its lifetime when it is a page or route answer.
 * @param {any} value
 * @param {{ cacheControl?: unknown } | undefined} ctx
 */
function withCacheControl(value, ctx) {
  if (!value || !RESPONSE_KINDS.has(value.kind) || !ctx?.cacheControl) return value;
  return { ...value, [STORED_CACHE_CONTROL]: ctx.cacheControl };
}

/**
 * The entry as Next reads it: the stored lifetime moved out of the value to `cacheControl`.
 * @param {any} entry
 */
function withStoredCacheControl(entry) {
  const cacheControl = entry?.value?.[STORED_CACHE_CONTROL];
  if (!cacheControl) return entry;
  const { [STORED_CACHE_CONTROL]: _stored, ...value } = entry.value;
  return { ...entry, value, cacheControl };
}

/**
 * The tags an entry is revalidated by: a data-cache entry's from set()'s context, a page's or
 * route answer's from the header Next keeps them in.
 * @param {any} value
 * @param {{ tags?: string[] } | undefined} ctx
 * @returns {string[]}
 */
function entryTags(value, ctx) {
  if (ctx?.tags?.length) return ctx.tags;
  const header = value && RESPONSE_KINDS.has(value.kind) ? value.headers?.["x-next-cache-tags"] : undefined;
  if (header === undefined) return [];
  return (Array.isArray(header) ? header : String(header).split(",")).filter(Boolean);
}

/** When each tag was last revalidated in this process (one instance: every revalidation goes through it). */
const tagRevalidatedAt = new Map();

/**
 * Whether one of `tags` was revalidated after a render that began at `renderStartedAt`.
 * @param {string[]} tags
 * @param {number} renderStartedAt
 */
function revalidatedSince(tags, renderStartedAt) {
  return tags.some((tag) => (tagRevalidatedAt.get(tag) ?? -Infinity) > renderStartedAt);
}

/** Redis only where pages are served: `next build` keeps its output in the build folder. */
function usesRedis(env = process.env) {
  return Boolean(env.REDIS_URL) && env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD;
}

const sharedCache = usesRedis();

/** @returns {any} */
function baseCacheHandler() {
  if (!sharedCache) return require("next/dist/server/lib/incremental-cache/file-system-cache").default;
  const { CacheHandler } = require("@fortedigital/nextjs-cache-handler");
  const { connectRedis, createRedisHandler } = require("./redis-cache.cjs");
  const redisUrl = /** @type {string} */ (process.env.REDIS_URL);
  // One client per process, whatever Next constructs: the library calls this once.
  CacheHandler.onCreation(async (/** @type {{ buildId?: string }} */ { buildId }) => ({
    handlers: [createRedisHandler(await connectRedis(redisUrl), buildId?.trim())],
  }));
  return CacheHandler;
}

class CareerwikiCacheHandler extends baseCacheHandler() {
  /** @param {any} context */
  constructor(context) {
    super(context);
    // One millisecond early: a revalidation in the very millisecond the render began counts as after it.
    this.renderStartedAt = Date.now() - 1;
    registerLoadedCache(this);
  }

  /**
   * @param {string} key
   * @param {any} ctx
   */
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    return sharedCache ? withStoredCacheControl(entry) : entry;
  }

  /**
   * @param {string} key
   * @param {any} value
   * @param {any} ctx
   */
  async set(key, value, ctx) {
    // A refused answer is not stored anywhere: the next request renders afresh.
    if (!isCacheableEntry(value)) return;
    if (!sharedCache) {
      // Rendered from data older than a revalidation of one of its tags: not stored (the entry
      // it would replace is expired by that revalidation already), the next request renders.
      if (revalidatedSince(entryTags(value, ctx), this.renderStartedAt)) return;
      return super.set(key, value, withRouteTags(value, ctx));
    }
    return super.set(key, withCacheControl(value, ctx), { ...withRouteTags(value, ctx), internal_lastModified: this.renderStartedAt });
  }

  /**
   * @param {string | string[]} tags
   * @param {any} [durations]
   */
  async revalidateTag(tags, durations) {
    const now = Date.now();
    for (const tag of typeof tags === "string" ? [tags] : tags) tagRevalidatedAt.set(tag, now);
    return super.revalidateTag(tags, durations);
  }
}

module.exports = CareerwikiCacheHandler;
module.exports.isCacheableEntry = isCacheableEntry;
module.exports.entryTags = entryTags;
