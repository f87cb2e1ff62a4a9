import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";

/** Git-ignored folder for everything a local run keeps: the embedded cluster, AUTH_SECRET. */
export const LOCAL_DATA_DIR = path.resolve(process.cwd(), ".data");

export interface DatabaseHandle {
  url: string;
  /** "external" when DATABASE_URL was given, "embedded" when we started one. */
  kind: "external" | "embedded";
  stop(): Promise<void>;
}

/**
 * The database scripts work on: DATABASE_URL when set (any PostgreSQL ≥ 15), otherwise
 * the embedded PostgreSQL in .data/postgres, started here and stopped by `stop()`.
 */
export async function openLocalDatabase(): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, kind: "external", stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: path.join(LOCAL_DATA_DIR, "postgres"), database: "careerwiki" });
  return { url: server.url, kind: "embedded", stop: () => server.stop() };
}
