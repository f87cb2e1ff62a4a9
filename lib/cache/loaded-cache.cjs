// @ts-check
// The cache handler Next loaded in this process (cache-handler.cjs), for code that must drop
// cached entries when no request is under way: a data change recorded by an import in another
// process (lib/cache/apply-data-change.ts). Next's `revalidateTag` works only inside a request
// or action; the handler's own `revalidateTag` (the documented custom cache handler method)
// works anywhere. With Next's file-system cache it marks the tags expired in this process's
// tag manifest, which Next checks for every entry it reads, from memory or disk; with Redis it
// marks them in Redis, for every instance. The handler is kept on `globalThis` because the
// code that reads it (bundled by Next) and the handler (loaded by Next at run time) are
// separate copies of this module.

const LOADED_CACHE = Symbol.for("careerwiki.loadedCacheHandler");

/**
 * Called by the cache handler each time Next constructs it.
 * @param {{ revalidateTag(tags: string[], durations?: { expire?: number }): Promise<void> }} handler
 */
function registerLoadedCache(handler) {
  /** @type {any} */ (globalThis)[LOADED_CACHE] = handler;
}

/**
 * Drops every cached entry carrying one of `tags` in this process's cache (and the shared one).
 * Returns false when Next has not loaded its cache yet: nothing is cached in this process then.
 * @param {string[]} tags
 * @returns {Promise<boolean>}
 */
async function revalidateLoadedCache(tags) {
  const handler = /** @type {any} */ (globalThis)[LOADED_CACHE];
  if (!handler) return false;
  await handler.revalidateTag(tags, { expire: 0 });
  return true;
}

module.exports = { registerLoadedCache, revalidateLoadedCache };
