import { randomUUID } from "node:crypto";
import { createClient } from "redis";

/** The machine's Redis, shared with other runs: every test keeps to a key prefix of its own. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A key prefix no other test or run uses (REDIS_KEY_PREFIX for an app under test). */
export function testRedisKeyPrefix(name: string): string {
  return `careerwiki-test:${name}:${randomUUID()}:`;
}

/** Fails with a message a person can act on when the machine's Redis does not answer. */
export async function expectRedisAnswers(url = TEST_REDIS_URL): Promise<void> {
  const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 2_000 } });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(`These tests need Redis at ${url} (TEST_REDIS_URL): ${(error as Error).message}. Start it, e.g. \`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ""\`.`);
  } finally {
    if (client.isOpen) client.destroy();
  }
}

/** Deletes every key under `prefix` (a test's own), as a test's clean-up. */
export async function deleteRedisKeys(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) if (keys.length > 0) await client.unlink(keys);
  } finally {
    client.destroy();
  }
}
