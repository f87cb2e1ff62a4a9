import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";

// Interim "API sign-in" for e2e journeys until the accounts branch's tests/support/seed-users.ts
// is in main (same options and result, so switching is an import change): a User with a
// role, a database Session row, and the Auth.js cookie for it.

export type SeedRole = "CONTRIBUTOR" | "MODERATOR" | "ADMIN";

export interface SeedUserOptions {
  databaseUrl: string;
  role?: SeedRole;
  name?: string;
  baseUrl?: string;
}

export interface SeededUser {
  id: string;
  email: string;
  role: SeedRole;
  cookie: { name: string; value: string; domain: string; path: string; expires: number; httpOnly: boolean; secure: boolean; sameSite: "Lax" };
}

export async function seedUser(options: SeedUserOptions): Promise<SeededUser> {
  const id = randomUUID();
  const email = `seed-${randomBytes(6).toString("hex")}@example.test`;
  const role = options.role ?? "CONTRIBUTOR";
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + 24 * 3600 * 1000);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query(`INSERT INTO "User" ("id", "email", "name", "emailVerified", "role", "updatedAt") VALUES ($1, $2, $3, now(), $4::"UserRole", now())`, [id, email, options.name ?? `Seeded ${role.toLowerCase()}`, role]);
    await client.query(`INSERT INTO "Session" ("sessionToken", "userId", "expires", "updatedAt") VALUES ($1, $2, $3, now())`, [token, id, expires]);
  } finally {
    await client.end();
  }
  const url = new URL(options.baseUrl ?? "http://localhost");
  const secure = url.protocol === "https:";
  return {
    id,
    email,
    role,
    cookie: { name: secure ? "__Secure-authjs.session-token" : "authjs.session-token", value: token, domain: url.hostname, path: "/", expires: Math.floor(expires.getTime() / 1000), httpOnly: true, secure, sameSite: "Lax" },
  };
}
