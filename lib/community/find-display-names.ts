import "server-only";
import { prisma } from "@/lib/db/prisma";

export interface PersonSummary {
  displayName: string;
  jobTitle: string | null;
}

/** How the history names a person who deleted their account. */
const FORMER_CONTRIBUTOR = "A former contributor";

/** Public names of users by id: the profile's display name, else the account name, else "A contributor"; a deleted account is "A former contributor". */
export async function findDisplayNames(userIds: Iterable<string>): Promise<Map<string, PersonSummary>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const users = await prisma.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, deletedAt: true, profile: { select: { displayName: true, jobTitle: true } } },
  });
  return new Map(
    users.map((user) => [user.id, user.deletedAt ? { displayName: FORMER_CONTRIBUTOR, jobTitle: null } : { displayName: user.profile?.displayName ?? user.name ?? "A contributor", jobTitle: user.profile?.jobTitle ?? null }]),
  );
}

export function nameOf(names: Map<string, PersonSummary>, userId: string | null | undefined): string {
  return (userId && names.get(userId)?.displayName) || "A contributor";
}
