import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { startStreamingReplica, type StreamingReplica } from "./streaming-replica";

// DATABASE_REPLICA_URL (lib/db/prisma.ts): a real streaming replica of the test's PostgreSQL
// (pg_basebackup, a hot standby on another port), and the app's Prisma client with the
// read-replica extension over the pg adapter on both.
const database = useTestDatabase();
let replica: StreamingReplica;
let replicaDatabaseUrl: string;

beforeAll(async () => {
  replica = await startStreamingReplica(database.url);
  const url = new URL(database.url);
  url.port = new URL(replica.url).port;
  replicaDatabaseUrl = url.href;
  process.env.DATABASE_REPLICA_URL = replicaDatabaseUrl;
}, 300_000);

afterAll(async () => {
  const { prisma } = await import("@/lib/db/prisma");
  await prisma.$disconnect();
  delete process.env.DATABASE_REPLICA_URL;
  await replica?.stop();
});

/**
 * Waits until the replica has replayed the primary's WAL up to now. Other test files write to
 * the same PostgreSQL server at the same time (each new test database is WAL-logged from its
 * template), so on a busy two-core machine the replica can be seconds behind: wait on its replay
 * position, not on a guess, and say how far behind it was if it never got there.
 */
async function waitForReplay(primaryUrl: string) {
  const primary = new pg.Client({ connectionString: primaryUrl });
  await primary.connect();
  let target: string;
  try {
    target = (await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0]!.lsn;
  } finally {
    await primary.end();
  }
  let last: Record<string, unknown> = {};
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    [last] = await onReplica(`SELECT pg_last_wal_receive_lsn()::text AS received, pg_last_wal_replay_lsn()::text AS replayed, pg_last_wal_replay_lsn() >= '${target}'::pg_lsn AS caught_up`);
    if (last!.caught_up) return;
  }
  throw new Error(`the replica did not replay up to ${target} within 90 s: ${JSON.stringify(last)}`);
}

/** Pauses or resumes the replica's replay of the primary's WAL: while paused, it keeps what it had. */
async function onReplica(sql: string) {
  const client = new pg.Client({ connectionString: replicaDatabaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("reads on a streaming replica (DATABASE_REPLICA_URL)", () => {
  it("writes and transactions go to the primary, reads outside a transaction to the replica", { timeout: 240_000 }, async () => {
    const { prisma } = await import("@/lib/db/prisma");
    expect(await onReplica("SELECT pg_is_in_recovery() AS standby")).toEqual([{ standby: true }]);
    // Replicated: a write on the primary reaches the replica's reads once it has replayed it.
    const first = await prisma.dataChange.create({ data: { source: "replica-test", everyPage: true, occupationCodes: [] } });
    await waitForReplay(database.url);
    expect(await prisma.dataChange.findUnique({ where: { id: first.id } })).not.toBeNull();

    // The replica stops replaying: a new write (it succeeds: it went to the primary, the
    // replica refuses writes) is invisible to plain reads, which therefore come from the replica…
    await onReplica("SELECT pg_wal_replay_pause()");
    try {
      const second = await prisma.dataChange.create({ data: { source: "replica-test", everyPage: true, occupationCodes: [] } });
      expect(await prisma.dataChange.findUnique({ where: { id: second.id } })).toBeNull();
      expect(await prisma.dataChange.count({ where: { source: "replica-test" } })).toBe(1);
      // …while reads inside a transaction, and raw queries, go to the primary and see it.
      expect(await prisma.$transaction((tx) => tx.dataChange.findUnique({ where: { id: second.id } }))).not.toBeNull();
      expect(await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "DataChange" WHERE "source" = 'replica-test'`).toEqual([{ n: 2 }]);
      await expect(onReplica(`INSERT INTO "DataChange" ("source", "everyPage", "occupationCodes") VALUES ('x', true, '{}')`)).rejects.toThrow(/read-only/);
    } finally {
      await onReplica("SELECT pg_wal_replay_resume()");
    }
    await waitForReplay(database.url);
    expect(await prisma.dataChange.count({ where: { source: "replica-test" } })).toBe(2);
  });
});
