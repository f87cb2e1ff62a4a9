import "server-only";
import { prisma } from "@/lib/db/prisma";
import { findWageFigures } from "./find-wage-figures";
import type { RelatedRole } from "./role-page.types";

/** O*NET's related occupations in its order, each with its OEWS median annual pay (or its group's). */
export async function findRelatedRoles(onetReleaseId: number, oewsReleaseId: number | null, occupationCode: string): Promise<RelatedRole[]> {
  const links = await prisma.relatedOccupation.findMany({
    where: { releaseId: onetReleaseId, occupationCode },
    orderBy: { position: "asc" },
    select: { relatedCode: true, tier: true },
  });
  if (links.length === 0) return [];
  const occupations = await prisma.occupation.findMany({
    where: { code: { in: links.map((link) => link.relatedCode) } },
    select: { code: true, slug: true, title: true, socCode: true },
  });
  const byCode = new Map(occupations.map((o) => [o.code, o]));
  const wages = oewsReleaseId === null ? new Map() : await findWageFigures(oewsReleaseId, occupations.map((o) => o.socCode));
  return links.flatMap((link) => {
    const occupation = byCode.get(link.relatedCode);
    if (!occupation) return [];
    const wage = occupation.socCode ? wages.get(occupation.socCode) : undefined;
    return [{
      code: occupation.code,
      slug: occupation.slug,
      title: occupation.title,
      tier: link.tier,
      medianAnnual: wage?.row.annualMedian ?? null,
      medianTopCoded: wage?.row.topCoded.includes("A_MEDIAN") ?? false,
      basis: wage?.basis ?? null,
    }];
  });
}
