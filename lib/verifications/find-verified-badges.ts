import "server-only";
import { prisma } from "@/lib/db/prisma";
import { activeVerificationWhere } from "./verification-period";

export interface PractitionerBadge {
  occupationCode: string;
  /** The occupation's title: the badge reads "Verified practitioner: <title>". */
  title: string;
}

/** The badges people hold at `now` (granted, not revoked, not expired), by user id, each occupation once, by title. */
export async function findVerifiedBadges(userIds: Iterable<string>, now = new Date()): Promise<Map<string, PractitionerBadge[]>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await prisma.practitionerVerification.findMany({
    where: { userId: { in: ids }, ...activeVerificationWhere(now) },
    select: { userId: true, occupationCode: true },
    distinct: ["userId", "occupationCode"],
  });
  const titles = new Map(
    (await prisma.occupation.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.occupationCode))] } }, select: { code: true, title: true } })).map((o) => [o.code, o.title]),
  );
  const badges = new Map<string, PractitionerBadge[]>();
  for (const row of rows) {
    const list = badges.get(row.userId) ?? [];
    list.push({ occupationCode: row.occupationCode, title: titles.get(row.occupationCode) ?? row.occupationCode });
    badges.set(row.userId, list);
  }
  for (const list of badges.values()) list.sort((a, b) => a.title.localeCompare(b.title));
  return badges;
}

/** The words of a badge, the same everywhere it shows. */
export function badgeLabel(badge: PractitionerBadge): string {
  return `Verified practitioner: ${badge.title}`;
}
