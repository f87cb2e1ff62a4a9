import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { EducationLevelShare, JobZone } from "./role-page.types";

/** The occupation's job zone with O*NET's description of what it means. */
export async function findRoleJobZone(releaseId: number, zone: number | null): Promise<JobZone | null> {
  if (zone === null) return null;
  const reference = await prisma.jobZoneReference.findUnique({
    where: { releaseId_zone: { releaseId, zone } },
    select: { zone: true, name: true, education: true, experience: true, training: true, examples: true, svpRange: true },
  });
  return reference;
}

/** O*NET's "Required Level of Education" (RL scale): the share of respondents per level. */
export async function findRoleEducationLevels(releaseId: number, occupationCode: string): Promise<EducationLevelShare[]> {
  const rows = await prisma.educationDistribution.findMany({
    where: { releaseId, occupationCode, scaleId: "RL" },
    orderBy: { category: "asc" },
    select: { category: true, categoryLabel: true, percent: true, suppressed: true },
  });
  return rows.map((row) => ({ category: row.category, label: row.categoryLabel, percent: row.percent, suppressed: row.suppressed }));
}
