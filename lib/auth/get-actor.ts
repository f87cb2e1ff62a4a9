import "server-only";
import { cookies } from "next/headers";
import type { Actor } from "./actor";
import { getSessionActor } from "./get-session-actor";
import { assertCan, type Ability } from "./permissions";
import { readSessionToken } from "./session-cookie";

/**
 * Who is making this request: the actor of the request's database session, or null (no
 * session, expired, or banned). Every server action, route handler and signed-in page asks
 * here, never only a layout or the proxy: server actions are public POST endpoints.
 */
export async function getActor(): Promise<Actor | null> {
  return getSessionActor(readSessionToken(await cookies()));
}

/**
 * The actor, who must be allowed `ability` (lib/auth/permissions.ts). Throws AppError
 * UNAUTHENTICATED without a valid session and FORBIDDEN when the role lacks the ability.
 */
export async function requireActor(ability: Ability): Promise<Actor> {
  const actor = await getActor();
  assertCan(actor, ability);
  return actor;
}
