import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { RatingItem, RoleRatings } from "./role-page.types";

/** Skills, knowledge, abilities, work activities and interests of one occupation, most important first. */
export async function findRoleRatings(releaseId: number, occupationCode: string): Promise<RoleRatings> {
  const rows = await prisma.rating.findMany({
    where: { releaseId, occupationCode },
    orderBy: [{ importance: { sort: "desc", nulls: "last" } }, { elementName: "asc" }],
    select: { domain: true, elementId: true, elementName: true, importance: true, level: true, suppressed: true },
  });
  const pick = (domain: (typeof rows)[number]["domain"]): RatingItem[] =>
    rows
      .filter((row) => row.domain === domain)
      .map((row) => ({ elementId: row.elementId, name: row.elementName, importance: row.importance, level: row.level, suppressed: row.suppressed }));
  return { skills: pick("SKILL"), knowledge: pick("KNOWLEDGE"), abilities: pick("ABILITY"), workActivities: pick("WORK_ACTIVITY"), interests: pick("INTEREST") };
}
