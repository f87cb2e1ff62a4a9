import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { RatingDomain } from "@/lib/generated/prisma/enums";
import type { RatingItem, RoleRatings } from "./role-page.types";

/**
 * Skills, knowledge, abilities, work activities and interests of one occupation, most important
 * first; each domain from its own release (the newest that has its file).
 */
export async function findRoleRatings(releaseIds: Record<RatingDomain, number>, occupationCode: string): Promise<RoleRatings> {
  const rows = await prisma.rating.findMany({
    where: { occupationCode, OR: Object.entries(releaseIds).map(([domain, releaseId]) => ({ domain: domain as RatingDomain, releaseId })) },
    orderBy: [{ importance: { sort: "desc", nulls: "last" } }, { elementName: "asc" }],
    select: { domain: true, elementId: true, elementName: true, importance: true, level: true, suppressed: true },
  });
  const pick = (domain: (typeof rows)[number]["domain"]): RatingItem[] =>
    rows
      .filter((row) => row.domain === domain)
      .map((row) => ({ elementId: row.elementId, name: row.elementName, importance: row.importance, level: row.level, suppressed: row.suppressed }));
  return { skills: pick("SKILL"), knowledge: pick("KNOWLEDGE"), abilities: pick("ABILITY"), workActivities: pick("WORK_ACTIVITY"), interests: pick("INTEREST") };
}
