import "server-only";
import { cookies } from "next/headers";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "./actor";
import { type Ability, assertCan } from "./permissions";

// Interim, until the accounts branch lands its own lib/auth/get-actor.ts (same exports):
// reads the Auth.js database session cookie and looks the session up in PostgreSQL, exactly
// what next-auth's database strategy does. A banned user's sessions stop working at once.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/** The signed-in actor, or null. */
export async function getActor(): Promise<Actor | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find((value) => value !== undefined);
  if (!token) return null;
  const session = await prisma.session.findUnique({
    where: { sessionToken: token },
    select: { expires: true, user: { select: { id: true, role: true, bannedAt: true } } },
  });
  if (!session || session.expires < new Date() || session.user.bannedAt) return null;
  return { userId: session.user.id, role: session.user.role };
}

/** The signed-in actor holding `ability`; throws UNAUTHENTICATED or FORBIDDEN otherwise. */
export async function requireActor(ability: Ability): Promise<Actor> {
  const actor = await getActor();
  assertCan(actor, ability);
  return actor;
}
