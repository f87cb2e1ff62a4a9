import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/get-actor";
import { can, type Ability } from "@/lib/auth/permissions";
import { signInPath } from "@/lib/auth/sign-in-path";

/**
 * The guard of a signed-in page (the page's own, never only its layout's): not signed in →
 * the sign-in page, returning to `returnTo` afterwards; signed in without `ability` → 404,
 * as for a page that does not exist.
 */
export async function requirePageActor(ability: Ability, returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(signInPath(returnTo));
  if (!can(actor, ability)) notFound();
  return actor;
}
