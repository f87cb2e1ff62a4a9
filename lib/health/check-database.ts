import "server-only";
import pg from "pg";
import { logger } from "@/lib/logging/logger.cjs";
import type { DatabaseHealth } from "./check-database.types";

/** A front's health check gives up after a few seconds: a hung database must answer sooner. */
export const DATABASE_CHECK_TIMEOUT_MS = 2000;

/** The check under way per database URL: callers at the same moment share it. */
const checksInFlight = new Map<string, Promise<DatabaseHealth>>();

/**
 * Whether PostgreSQL answers `SELECT 1` within `timeoutMs`, and how long the round trip took
 * (connecting included). A connection of its own rather than the app's pool: the check never
 * queues behind busy requests, and a hung server costs one socket that is closed at the
 * deadline. Concurrent calls share one check, so a flood of requests to a public health URL
 * opens one connection at a time, never exhausting PostgreSQL's connections. Why it failed
 * goes to the server log only, never to the caller.
 */
export function checkDatabase({
  databaseUrl = process.env.DATABASE_URL,
  timeoutMs = DATABASE_CHECK_TIMEOUT_MS,
}: { databaseUrl?: string; timeoutMs?: number } = {}): Promise<DatabaseHealth> {
  if (!databaseUrl) {
    logger.error({ component: "health" }, "DATABASE_URL is not set");
    return Promise.resolve({ status: "unavailable" });
  }
  const key = `${timeoutMs} ${databaseUrl}`;
  let check = checksInFlight.get(key);
  if (!check) {
    check = selectOne(databaseUrl, timeoutMs).finally(() => checksInFlight.delete(key));
    checksInFlight.set(key, check);
  }
  return check;
}

async function selectOne(databaseUrl: string, timeoutMs: number): Promise<DatabaseHealth> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, application_name: "careerwiki-health" });
  // pg reports a socket error after connect() as an event; unhandled, it would end the process.
  client.on("error", () => {});
  let deadline: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect().then(() => client.query("SELECT 1")),
      new Promise<never>((_resolve, reject) => {
        deadline = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: "ok", databaseMs: Math.round(performance.now() - started) };
  } catch (error) {
    logger.error({ component: "health" }, `database check failed: ${error instanceof Error ? error.message : String(error)}`);
    return { status: "unavailable" };
  } finally {
    clearTimeout(deadline);
    client.end().catch(() => {});
  }
}
