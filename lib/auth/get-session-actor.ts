import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "./actor";

/**
 * The actor behind a database session token, or null when there is no such session, it has
 * expired, or its user is banned (so a ban takes effect on the next request, whatever the
 * cookie says). One indexed read per call.
 */
export async function getSessionActor(sessionToken: string | null, now = new Date()): Promise<Actor | null> {
  if (!sessionToken) return null;
  const session = await prisma.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { id: true, role: true, bannedAt: true } } },
  });
  if (!session || session.expires <= now || session.user.bannedAt !== null) return null;
  return { userId: session.user.id, role: session.user.role };
}
