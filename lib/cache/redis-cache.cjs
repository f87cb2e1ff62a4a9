// @ts-check
// The shared Next cache of several app instances: @fortedigital/nextjs-cache-handler's
// `redis-strings` handler on the machine's Redis (REDIS_URL). Every instance reads and writes
// the same entries, so a tag revalidated by one (an approval, an import) is gone for all at
// once. Used by the cache handler Next loads (cache-handler.cjs) and by the scripts that
// revalidate from outside the app (revalidate-all-pages.ts). CommonJS: Next loads the
// handler with a plain runtime require, outside the bundle.
const createRedisStringsHandler = require("@fortedigital/nextjs-cache-handler/redis-strings").default;
const { createClient } = require("redis");

/** How long a start waits for Redis before serving without the shared cache (each read then renders afresh). */
const CONNECT_WAIT_MS = 3_000;

/**
 * The key prefix of one build's entries: the site's prefix (REDIS_KEY_PREFIX, so that several
 * sites or test runs share one Redis), then the build id. Instances of the same build share
 * entries; a new build never serves pages whose scripts the old build had.
 * @param {string | undefined} buildId
 * @param {string} [sitePrefix]
 */
function redisKeyPrefix(buildId, sitePrefix = process.env.REDIS_KEY_PREFIX || "careerwiki:") {
  return `${sitePrefix}${buildId ?? "no-build"}:`;
}

/**
 * A connected client (or one still connecting after CONNECT_WAIT_MS: the handler then treats
 * each read as a miss until it is ready). Errors are logged once per outage, never thrown.
 * @param {string} url
 */
async function connectRedis(url) {
  const client = createClient({ url, pingInterval: 10_000 });
  let failing = false;
  client.on("error", (/** @type {Error} */ error) => {
    if (!failing) console.error(`Redis cache: ${error.message || error.name} (serving without the shared cache until it is back).`);
    failing = true;
  });
  client.on("ready", () => (failing = false));
  const connected = client.connect().catch(() => {});
  await Promise.race([connected, new Promise((resolve) => setTimeout(resolve, CONNECT_WAIT_MS).unref())]);
  return client;
}

/**
 * The hash (under the build's prefix) where the library keeps when each tag was revalidated:
 * its get() drops an entry whose `lastModified` is older than any of its tags' times. The
 * library fills it for Next's implicit path tags only (`_N_T_…`), and its handler's factory
 * does not export the name (@fortedigital/nextjs-cache-handler, src/constants.ts).
 */
const REVALIDATED_TAGS_KEY = "__revalidated_tags__";

/**
 * The library's Redis handler for one build, recording the time of every tag's revalidation
 * (not only Next's implicit ones) where the library's get() compares it with an entry's
 * `lastModified`. The cache handler stamps an entry with the start of its render
 * (cache-handler.cjs), so a render that began before a revalidation is dropped on read, on
 * every instance, even if it was stored after the revalidation deleted the tag's entries.
 * The time is recorded before the entries are deleted: a store between the two is dropped
 * on read, one after both too.
 * @param {import("redis").RedisClientType<any, any, any, any, any>} client
 * @param {string | undefined} buildId
 * @param {string} [sitePrefix]
 */
function createRedisHandler(client, buildId, sitePrefix) {
  const keyPrefix = redisKeyPrefix(buildId, sitePrefix);
  const handler = createRedisStringsHandler({ client: /** @type {any} */ (client), keyPrefix });
  return {
    ...handler,
    /** @param {string} tag */
    async revalidateTag(tag) {
      if (client.isReady) await client.hSet(keyPrefix + REVALIDATED_TAGS_KEY, tag, String(Date.now()));
      return handler.revalidateTag(tag);
    },
  };
}

module.exports = { connectRedis, createRedisHandler, redisKeyPrefix, REVALIDATED_TAGS_KEY };
