import pg from "pg";

/**
 * Whether /roles/<key> is a page: a role's slug, one of its old slugs, or its O*NET-SOC code
 * (the last two redirect). proxy.ts asks before Next renders the role page, so an unknown
 * role gets the site's own server-rendered 404 page: a page's notFound() in an on-demand
 * (ISR) page is rendered by Next as an empty `__next_error__` document whose text only
 * JavaScript shows (vercel/next.js#95613, #97000).
 *
 * The known keys are read once per process (a few thousand short strings) and only grow:
 * slugs are never deleted (a renamed role keeps its old slug as a redirect). A key the set
 * lacks, such as a role imported since, is looked up in the database (one indexed read, what
 * the page itself would cost), and added when found. Not `server-only`: the proxy imports it.
 */
export async function roleAddressExists(key: string): Promise<boolean> {
  const known = await knownKeys();
  if (known.has(key)) return true;
  const { rows } = await getPool().query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM "Occupation" WHERE slug = $1 OR code = $1) OR EXISTS (SELECT 1 FROM "SlugRedirect" WHERE slug = $1) AS found`,
    [key],
  );
  if (rows[0]?.found) known.add(key);
  return rows[0]?.found === true;
}

const globalForRoles = globalThis as unknown as { careerwikiRoleKeys?: Promise<Set<string>>; careerwikiRoleKeyPool?: pg.Pool };

function getPool(): pg.Pool {
  if (!globalForRoles.careerwikiRoleKeyPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
    const pool = new pg.Pool({ connectionString, max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    // An idle client losing its server (a database restart) must not crash the process.
    pool.on("error", () => {});
    globalForRoles.careerwikiRoleKeyPool = pool;
  }
  return globalForRoles.careerwikiRoleKeyPool;
}

function knownKeys(): Promise<Set<string>> {
  globalForRoles.careerwikiRoleKeys ??= getPool()
    .query<{ key: string }>(`SELECT slug AS key FROM "Occupation" UNION ALL SELECT code FROM "Occupation" UNION ALL SELECT slug FROM "SlugRedirect"`)
    .then(({ rows }) => new Set(rows.map((row) => row.key)))
    .catch((error: unknown) => {
      // Tried again on the next request.
      globalForRoles.careerwikiRoleKeys = undefined;
      throw error;
    });
  return globalForRoles.careerwikiRoleKeys;
}
