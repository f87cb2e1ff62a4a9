import { newPgClient } from "./pg-client";

/** Number of occupation pages; 0 means the official data has not been imported yet. */
export async function countOccupations(databaseUrl: string): Promise<number> {
  const client = newPgClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(`SELECT count(*) FROM "Occupation"`);
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}
