import { newPgClient } from "@/lib/db/pg-client";

/** The role page to measure: BENCH_ROLE, else Registered Nurses, else the first role. */
export async function pickRoleSlug(databaseUrl: string): Promise<string> {
  if (process.env.BENCH_ROLE) return process.env.BENCH_ROLE;
  const client = newPgClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ slug: string }>(`SELECT "slug" FROM "Occupation" ORDER BY ("code" = '29-1141.00') DESC, "code" LIMIT 1`);
    return result.rows[0]!.slug;
  } finally {
    await client.end();
  }
}
