import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from "../../lib/auth/session-cookie";

export type SeedRole = "CONTRIBUTOR" | "MODERATOR" | "ADMIN";

export interface SeedUserOptions {
  /** The database the app under test uses (in Playwright: process.env.E2E_DATABASE_URL). */
  databaseUrl: string;
  /** Defaults to a unique address per call, so parallel tests never share a user. */
  email?: string;
  role?: SeedRole;
  name?: string | null;
  banned?: boolean;
  /** Defaults to 30 days from now; a past date makes an expired session. */
  sessionExpires?: Date;
  /** The site the cookie is for (in Playwright: the baseURL). Decides the cookie's name and Secure flag. */
  baseUrl?: string;
}

/** A cookie in the shape Playwright's `context.addCookies` takes. */
export interface SessionCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: "Lax";
}

export interface SeededUser {
  id: string;
  email: string;
  role: SeedRole;
  sessionToken: string;
  cookie: SessionCookie;
}

/**
 * The "API sign-in" of end-to-end tests: a user with a role and a valid database Session
 * row, and the cookie Auth.js would have set for it (`authjs.session-token` on http,
 * `__Secure-authjs.session-token` on https). Journeys that are not about signing in use
 * this instead of clicking through the email:
 *
 *   const moderator = await seedUser({ databaseUrl: process.env.E2E_DATABASE_URL!, role: "MODERATOR", baseUrl });
 *   await context.addCookies([moderator.cookie]);
 *
 * Plain `pg` rather than the app's Prisma client, so it runs in Playwright's process too.
 */
export async function seedUser(options: SeedUserOptions): Promise<SeededUser> {
  const id = randomUUID();
  const email = (options.email ?? `seed-${randomBytes(6).toString("hex")}@example.test`).toLowerCase();
  const role = options.role ?? "CONTRIBUTOR";
  const sessionToken = randomBytes(32).toString("hex");
  const expires = options.sessionExpires ?? new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "emailVerified", "role", "bannedAt", "updatedAt") VALUES ($1, $2, $3, now(), $4::"UserRole", $5, now())`,
      [id, email, options.name === undefined ? `Seeded ${role.toLowerCase()}` : options.name, role, options.banned ? new Date() : null],
    );
    await client.query(`INSERT INTO "Session" ("sessionToken", "userId", "expires", "updatedAt") VALUES ($1, $2, $3, now())`, [sessionToken, id, expires]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
  return { id, email, role, sessionToken, cookie: sessionCookie(sessionToken, expires, options.baseUrl ?? "http://localhost") };
}

/** The Auth.js session cookie carrying `sessionToken` for the site at `baseUrl`. */
export function sessionCookie(sessionToken: string, expires: Date, baseUrl: string): SessionCookie {
  const url = new URL(baseUrl);
  const secure = url.protocol === "https:";
  return {
    name: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
    value: sessionToken,
    domain: url.hostname,
    path: "/",
    expires: Math.floor(expires.getTime() / 1000),
    httpOnly: true,
    secure,
    sameSite: "Lax",
  };
}

/** Bans (or unbans) a user directly in the database, as a moderator's ban will. */
export async function setUserBanned(databaseUrl: string, userId: string, banned: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE "User" SET "bannedAt" = $2, "updatedAt" = now() WHERE "id" = $1`, [userId, banned ? new Date() : null]);
  } finally {
    await client.end();
  }
}
