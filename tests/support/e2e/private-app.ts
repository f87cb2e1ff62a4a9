import { createE2eDatabase } from "./e2e-datasets";
import { startProductionServer, type RunningServer } from "./production-server";
import { databaseUrl, dropDatabase } from "../test-server";
import { deleteRedisKeys, TEST_REDIS_URL, testRedisKeyPrefix } from "../test-redis";

export interface PrivateApp extends RunningServer {
  databaseUrl: string;
  /** With `sharedCache`: the Redis cache it uses (REDIS_URL, REDIS_KEY_PREFIX), as several instances would. */
  redis: { url: string; keyPrefix: string } | null;
}

export interface StartPrivateAppOptions {
  /** Serve with the Redis cache of the multi-instance mode, under a key prefix of its own (deleted on stop). */
  sharedCache?: boolean;
}

/**
 * For e2e specs that need a cold cache, count the files Next writes, or revalidate every page:
 * `next start` of a private copy of the e2e build (`.next-e2e`) against a database of its own
 * with the e2e fixtures, on the suite's PostgreSQL server. Nothing it does reaches the pages,
 * cache or database the other specs use; `stop()` removes the copy and drops the database.
 */
export async function startPrivateApp(name: string, { sharedCache = false }: StartPrivateAppOptions = {}): Promise<PrivateApp> {
  const adminUrl = databaseUrl(process.env.E2E_DATABASE_URL!, "postgres");
  const database = `careerwiki_e2e_${name}`;
  const url = await createE2eDatabase(adminUrl, database);
  const redis = sharedCache ? { url: TEST_REDIS_URL, keyPrefix: testRedisKeyPrefix(name) } : null;
  const server = await startProductionServer(url, {
    distDir: ".next-e2e",
    isolated: true,
    env: { SUBMISSIONS_PER_HOUR: "10000", RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR: "10000", ...(redis && { REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.keyPrefix }) },
  });
  return {
    ...server,
    databaseUrl: url,
    redis,
    async stop() {
      await server.stop();
      await dropDatabase(adminUrl, database);
      if (redis) await deleteRedisKeys(redis.keyPrefix, redis.url);
    },
  };
}
