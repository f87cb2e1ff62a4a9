import "server-only";
import { prisma } from "@/lib/db/prisma";
import { isSuspended } from "@/lib/people/suspension";
import type { Actor } from "./actor";

/**
 * The actor behind a database session token, or null when there is no such session, it has
 * expired, or its user is suspended (a suspension deletes the sessions too; this check covers
 * a session made in between). One indexed read per call.
 */
export async function getSessionActor(sessionToken: string | null, now = new Date()): Promise<Actor | null> {
  if (!sessionToken) return null;
  const session = await prisma.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { id: true, role: true, bannedAt: true, bannedUntil: true } } },
  });
  if (!session || session.expires <= now || isSuspended(session.user, now)) return null;
  return { userId: session.user.id, role: session.user.role };
}
