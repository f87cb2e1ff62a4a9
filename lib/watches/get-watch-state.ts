import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";

export interface WatchState {
  signedIn: boolean;
  watching: boolean;
}

/** Whether the actor watches the page (signed out or not allowed: not watching). */
export async function getWatchState({ actor, occupationCode }: { actor: Actor | null; occupationCode: string }): Promise<WatchState> {
  if (!actor || !can(actor, "page:watch")) return { signedIn: actor !== null, watching: false };
  const watch = await prisma.pageWatch.findUnique({ where: { userId_occupationCode: { userId: actor.userId, occupationCode } }, select: { userId: true } });
  return { signedIn: true, watching: watch !== null };
}
