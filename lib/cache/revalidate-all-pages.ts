import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { EVERY_PAGE_TAGS } from "./cache-tags";
import { connectRedis, createRedisHandler } from "./redis-cache.cjs";

export interface RevalidateAllPagesOptions {
  /** The shared cache of several instances (as the app gets it); without it, the one instance's cache on disk. */
  redisUrl?: string | undefined;
  /** The site's key prefix in that Redis (as the app gets REDIS_KEY_PREFIX). */
  redisKeyPrefix?: string | undefined;
  /** The build whose entries are dropped (as the app reads NEXT_DIST_DIR). */
  distDir?: string;
}

/**
 * After an import changed official rows, from outside the app (scripts/import.ts, scripts/start.ts).
 * With REDIS_URL: every cached page and data entry of the build is dropped from the shared
 * cache, so every instance renders afresh on its next request; nothing to restart. Without it
 * (one instance, Next's own cache): the entries Next wrote to disk are removed, so the app
 * starts clean. An app already running keeps its copies in memory: it drops them when the
 * importer then records the change (lib/cache/record-data-change.ts), which every running
 * instance hears of from PostgreSQL.
 */
export async function revalidateAllPages({ redisUrl = process.env.REDIS_URL, redisKeyPrefix = process.env.REDIS_KEY_PREFIX, distDir = process.env.NEXT_DIST_DIR || ".next" }: RevalidateAllPagesOptions = {}) {
  if (!redisUrl) {
    // The run-time halves of Next's file-system cache: pages (server/route-cache) and data (cache/fetch-cache).
    await Promise.all([path.join(distDir, "server", "route-cache"), path.join(distDir, "cache", "fetch-cache")].map((dir) => rm(dir, { recursive: true, force: true })));
    return;
  }
  const buildId = await readFile(path.join(distDir, "BUILD_ID"), "utf8").catch(() => undefined);
  if (buildId === undefined) return; // no build yet: nothing was cached for it
  const client = await connectRedis(redisUrl);
  try {
    if (!client.isReady) throw new Error(`Redis at ${redisUrl} does not answer: cached pages were not revalidated.`);
    const handler = createRedisHandler(client, buildId.trim(), redisKeyPrefix);
    for (const tag of EVERY_PAGE_TAGS) await handler.revalidateTag(tag);
  } finally {
    client.destroy();
  }
}
