import { z } from "zod";
import { OperatorError } from "./operator-error";
import { newPgClient } from "./pg-client";

// DATABASE_URL, checked before any command uses it (npm start, user:role, data:import,
// db:migration, db:backup, db:restore: lib/db/local-database.ts and scripts/lib/prepare-app.ts).
// Without this, a URL that is not PostgreSQL's sent Prisma's CLI looking for a native engine
// ("request to https://binaries.prisma.sh … ENOTFOUND"), and a wrong user or database came out
// as Prisma stack traces ("User was denied access on the database (not available)").

const EXPECTED = "postgresql://USER:PASSWORD@HOST:PORT/DATABASE";
const CONNECT_TIMEOUT_MS = 5_000;
/** PostgreSQL's invalid_catalog_name: the server answered, the database is not there. */
const MISSING_DATABASE = "3D000";

/** DATABASE_URL as a command accepts it: a URL that parses, postgres:// or postgresql://, with a host. */
export const databaseUrlSchema = z.string().superRefine((value, context) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value itself is not repeated: it may hold a password.
    return context.addIssue({ code: "custom", message: `is not a URL (expected ${EXPECTED})` });
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    return context.addIssue({ code: "custom", message: `is a ${url.protocol}// URL; Careerwiki needs PostgreSQL 15 or newer: ${EXPECTED}` });
  }
  if (!url.hostname) context.addIssue({ code: "custom", message: `names no host (expected ${EXPECTED})` });
});

/** `url` with its password (and any password= parameter) shown as ***. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    for (const key of [...parsed.searchParams.keys()]) if (/pass/i.test(key)) parsed.searchParams.set(key, "***");
    return parsed.toString();
  } catch {
    return "(not a URL)";
  }
}

/** DATABASE_URL checked for form; an OperatorError says what is wrong with it in one line. */
export function parseDatabaseUrl(value: string): string {
  const parsed = databaseUrlSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new OperatorError(`DATABASE_URL ${parsed.error.issues[0]!.message}.`);
}

/** What a failed connection to `url` means for the operator: cannot reach host:port, authentication failed for user X, database Y does not exist. */
export function describeConnectionFailure(url: string, error: unknown): string {
  const parsed = new URL(url);
  const host = parsed.hostname || "localhost";
  const port = parsed.port || "5432";
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || "(the system user)";
  const database = decodeURIComponent(parsed.pathname.slice(1)) || user;
  const { code, message } = error as { code?: string; message?: string };
  const cause = (() => {
    switch (code) {
      case "ECONNREFUSED":
        return `cannot reach ${host}:${port} (connection refused: is PostgreSQL running there?)`;
      case "ENOTFOUND":
      case "EAI_AGAIN":
        return `cannot reach ${host}:${port} (no such host)`;
      case "ETIMEDOUT":
      case "EHOSTUNREACH":
      case "ENETUNREACH":
        return `cannot reach ${host}:${port} (${code})`;
      case "28P01":
        return `authentication failed for user "${user}" (wrong password?)`;
      case "28000":
        return `authentication failed for user "${user}" (${message})`;
      case MISSING_DATABASE:
        return `database "${database}" does not exist on ${host}:${port} (create it, or name another in the URL)`;
      default:
        if (/timeout/i.test(message ?? "")) return `cannot reach ${host}:${port} (no answer within ${CONNECT_TIMEOUT_MS / 1000} s)`;
        return `cannot connect to ${host}:${port}: ${message ?? String(error)}`;
    }
  })();
  return `DATABASE_URL (${redactDatabaseUrl(url)}): ${cause}.`;
}

/**
 * DATABASE_URL checked for form, then by connecting once: returns it when PostgreSQL answers,
 * else throws an OperatorError naming DATABASE_URL (password hidden) and the real cause.
 * `mayBeMissing`: a database that does not exist yet is fine (db:restore creates it).
 */
export async function checkDatabaseUrl(value: string, { mayBeMissing = false }: { mayBeMissing?: boolean } = {}): Promise<string> {
  const url = parseDatabaseUrl(value);
  const client = newPgClient({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    if (mayBeMissing && (error as { code?: string }).code === MISSING_DATABASE) return url;
    throw new OperatorError(describeConnectionFailure(url, error));
  } finally {
    await client.end().catch(() => {});
  }
  return url;
}
