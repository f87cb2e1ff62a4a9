import { access } from "node:fs/promises";
import { newPgClient } from "./pg-client";
import { createDatabaseIfMissing } from "./embedded-postgres";
import { runClientTool } from "./postgres-client-tools";

export interface RestoreDatabaseInput {
  url: string;
  /** A backup made by `backupDatabase` (`pg_dump --format=custom`). */
  file: string;
  /** Drop and recreate a database that already holds tables (its rows are lost), instead of refusing. */
  force?: boolean;
}

/**
 * Restores a backup into the database of `url`: created when missing; refused when it
 * already holds tables, unless `force` (then dropped and created again, disconnecting its
 * clients). One transaction: a failed restore leaves an empty database. Owners and grants
 * of the backup are not restored: everything belongs to the user of `url`.
 */
export async function restoreDatabase({ url, file, force = false }: RestoreDatabaseInput): Promise<{ lastDataChangeId: number }> {
  await access(file).catch(() => {
    throw new Error(`No backup file at ${file}.`);
  });
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenanceUrl = withDatabase(url, "postgres");
  await createDatabaseIfMissing(maintenanceUrl, database);
  const tables = await countTables(url);
  // Running instances have handled data changes up to this id: the restore's must come after it.
  const lastDataChangeId = tables > 0 ? ((await findLastDataChangeId(url)) ?? 0) : 0;
  if (tables > 0) {
    if (!force) {
      throw new Error(`The database "${database}" is not empty (${tables} tables): restore into an empty or new database, or add --force to drop it and restore over it (its rows are lost).`);
    }
    await recreateDatabase(maintenanceUrl, database);
  }
  await runClientTool("pg_restore", url, ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", file]);
  return { lastDataChangeId };
}

function withDatabase(url: string, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${encodeURIComponent(database)}`;
  return copy.toString();
}

/** Tables, views and sequences outside PostgreSQL's own schemas. */
async function countTables(url: string): Promise<number> {
  const client = newPgClient({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`,
    );
    return Number(rows[0]?.count);
  } finally {
    await client.end();
  }
}

async function recreateDatabase(maintenanceUrl: string, database: string) {
  const client = newPgClient({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const quoted = `"${database.replace(/"/g, '""')}"`;
    await client.query(`DROP DATABASE ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}

/** The newest `DataChange` id of the database (0 without any), or null without the table (a database of an older version). */
export async function findLastDataChangeId(url: string): Promise<number | null> {
  const client = newPgClient({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass('"DataChange"') IS NOT NULL AS "exists"`);
    if (!rows[0]?.exists) return null;
    const latest = await client.query<{ id: number | null }>(`SELECT max("id") AS "id" FROM "DataChange"`);
    return latest.rows[0]?.id ?? 0;
  } finally {
    await client.end();
  }
}
