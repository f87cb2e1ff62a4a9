import pg from "pg";

/** Rows of one query on a database of the tests, over a connection of its own (works in vitest, Playwright and scripts). */
export async function queryRows<Row extends pg.QueryResultRow>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
