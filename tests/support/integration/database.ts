import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { databaseUrl, dropDatabase } from "../test-server";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated, empty database of the test's own (copied from the run's template in
 * a few milliseconds), or a copy of another `template`. Call `drop()` in afterAll.
 */
export async function createTestDatabase(template: string = inject("templateDatabase")): Promise<TestDatabase> {
  const adminUrl = inject("testAdminUrl");
  const name = `careerwiki_test_${randomBytes(5).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await client.end();
  }
  return { url: databaseUrl(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

/** Row counts of every table of the official layer, to prove a failed import changed nothing. */
export async function countRows(url: string, tables: readonly string[]): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const result = await client.query<{ count: string }>(`SELECT count(*) FROM "${table}"`);
      counts[table] = Number(result.rows[0]?.count);
    }
    return counts;
  } finally {
    await client.end();
  }
}
