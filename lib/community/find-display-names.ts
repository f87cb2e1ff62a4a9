import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { UserRole } from "@/lib/generated/prisma/enums";

export interface PersonSummary {
  displayName: string;
  jobTitle: string | null;
  /** Their public profile page (/people/<number>), null when they turned it off or deleted the account. */
  profileHref: string | null;
}

/** How the history names a person who deleted their account. */
const FORMER_CONTRIBUTOR = "A former contributor";

/**
 * The stable label of someone without a display name, from their per-user number: "Moderator 12"
 * for moderators and admins, "Contributor 34" for everyone else. Never a shared "A contributor":
 * a reader or a moderator can tell two unnamed people apart, and find one again.
 */
export function stableLabel(role: UserRole, number: number): string {
  return `${role === "CONTRIBUTOR" ? "Contributor" : "Moderator"} ${number}`;
}

/** A stable label as typed in a filter ("moderator 12", "Contributor 34"): the number. */
const LABEL = /^(?:moderator|contributor)\s+(\d{1,9})$/i;

/** What an id with no account left is shown as. */
export const UNKNOWN_PERSON = "Deleted account";

/** Public names of users by id: the profile's display name, else the account name, else their stable label; a deleted account is "A former contributor". */
export async function findDisplayNames(userIds: Iterable<string>): Promise<Map<string, PersonSummary>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const users = await prisma.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, role: true, number: true, deletedAt: true, profile: { select: { displayName: true, jobTitle: true, publicPage: true } } },
  });
  return new Map(
    users.map((user) => [
      user.id,
      user.deletedAt
        ? { displayName: FORMER_CONTRIBUTOR, jobTitle: null, profileHref: null }
        : {
            displayName: user.profile?.displayName ?? user.name ?? stableLabel(user.role, user.number),
            jobTitle: user.profile?.jobTitle ?? null,
            profileHref: (user.profile?.publicPage ?? true) ? publicProfilePath(user.number) : null,
          },
    ]),
  );
}

/** The address of a person's public profile, by their stable number (never the account id or email). */
export function publicProfilePath(number: number): string {
  return `/people/${number}`;
}

export function nameOf(names: Map<string, PersonSummary>, userId: string | null | undefined): string {
  return (userId && names.get(userId)?.displayName) || UNKNOWN_PERSON;
}

/** Users someone may mean by `text`: a stable label ("Moderator 12"), the email address, or a part of the display or account name. */
export async function findUserIdsByName(text: string): Promise<string[]> {
  const label = LABEL.exec(text.trim());
  const users = await prisma.user.findMany({
    where: {
      OR: [
        ...(label ? [{ number: Number(label[1]) }] : []),
        { email: { equals: text, mode: "insensitive" } },
        { name: { contains: text, mode: "insensitive" } },
        { profile: { displayName: { contains: text, mode: "insensitive" } } },
      ],
    },
    select: { id: true },
    take: 200,
  });
  return users.map((user) => user.id);
}
