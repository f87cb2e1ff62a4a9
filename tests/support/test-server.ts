import { rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";

/**
 * The PostgreSQL server tests run against: TEST_DATABASE_URL when set (a server where we
 * may create databases), otherwise an embedded PostgreSQL of the tests' own on a free port
 * (never the machine's 5432). Tests only ever write to databases they created.
 */
export async function startTestServer(name: string): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} };
  // A cluster per run (initdb takes ~1 s), so that two runs never share or stop each other's.
  const dataDir = path.resolve(".data", `${name}-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, database: "postgres", notify: () => {} });
  const dirs = [...new Set([dataDir, server.dataDir])].flatMap((dir) => [dir, `${dir}.password`]);
  // On SIGINT/SIGTERM, embedded-postgres' own exit hook stops the server and exits the
  // process, maybe before `stop()` below is through: the cluster is removed on the way out.
  const removeOnExit = () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  process.once("exit", removeOnExit);
  return {
    adminUrl: server.url,
    async stop() {
      await server.stop();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
      process.off("exit", removeOnExit);
    },
  };
}

/** URL of `database` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** (Re)creates `database`, migrated and empty. */
export async function createMigratedDatabase(adminUrl: string, database: string): Promise<string> {
  await dropDatabase(adminUrl, database);
  await createDatabaseIfMissing(adminUrl, database);
  const url = databaseUrl(adminUrl, database);
  await migrateDatabase(url);
  return url;
}

export async function dropDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Name of a run's database holding the full real import (dropped by the global teardown). */
export function realDataTemplateName(baseTemplate: string): string {
  return `${baseTemplate}_real`;
}
