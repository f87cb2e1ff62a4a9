import path from "node:path";
import { checkDatabaseUrl } from "./database-url";
import { startEmbeddedPostgres } from "./embedded-postgres";

/** Git-ignored folder for everything a local run keeps: the embedded cluster, AUTH_SECRET. */
export const LOCAL_DATA_DIR = path.resolve(process.cwd(), ".data");
/** The embedded cluster of `npm start` and of the operator commands. */
export const LOCAL_CLUSTER_DIR = path.join(LOCAL_DATA_DIR, "postgres");
export const LOCAL_DATABASE = "careerwiki";
/** How long a command or `npm start` waits for another command's embedded server to stop. */
export const OTHER_COMMAND_WAIT_MS = 60_000;

export interface DatabaseHandle {
  url: string;
  /**
   * "external" when DATABASE_URL was given, "embedded" when we started one, "shared" when
   * we joined the embedded server of a running `npm start` (left running by `stop()`).
   */
  kind: "external" | "embedded" | "shared";
  stop(): Promise<void>;
}

/**
 * The database commands work on: DATABASE_URL when set (any PostgreSQL ≥ 15; checked first,
 * an OperatorError says what is wrong with it in one line), else the
 * embedded PostgreSQL in .data/postgres: the one a running `npm start` serves when there is
 * one (never stopped here), else one started here and stopped by `stop()` (after waiting
 * for another command's to stop). `mayBeMissing`: DATABASE_URL's database may not exist yet (db:restore creates it).
 */
export async function openLocalDatabase({ mayBeMissing = false }: { mayBeMissing?: boolean } = {}): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    return { url: await checkDatabaseUrl(process.env.DATABASE_URL, { mayBeMissing }), kind: "external", stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: LOCAL_CLUSTER_DIR, database: LOCAL_DATABASE, reuseRunning: true, ownerWaitMs: OTHER_COMMAND_WAIT_MS });
  return { url: server.url, kind: server.owned ? "embedded" : "shared", stop: () => server.stop() };
}
