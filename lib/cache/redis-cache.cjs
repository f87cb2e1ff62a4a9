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
 * The library's Redis handler for one build.
 * @param {import("redis").RedisClientType<any, any, any, any, any>} client
 * @param {string | undefined} buildId
 * @param {string} [sitePrefix]
 */
function createRedisHandler(client, buildId, sitePrefix) {
  return createRedisStringsHandler({ client: /** @type {any} */ (client), keyPrefix: redisKeyPrefix(buildId, sitePrefix) });
}

module.exports = { connectRedis, createRedisHandler, redisKeyPrefix };
