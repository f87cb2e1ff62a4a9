import "server-only";
import { prisma } from "@/lib/db/prisma";
import { findCurrentReleases } from "@/lib/releases/find-current-releases";

export interface EducationCostTable {
  /** "2019-20": the newest academic year of the table. */
  academicYear: string;
  citation: string;
  /** Tuition and required fees per sector and level ("public|4-year"), current dollars. */
  tuitionFees: Record<string, number | null>;
}

/** The newest year of NCES Table 330.10 (one indexed read of a few rows), or null when not imported. */
export async function findEducationCostTable(): Promise<EducationCostTable | null> {
  const release = (await findCurrentReleases()).get("nces-costs");
  if (!release) return null;
  const newest = await prisma.educationCost.findFirst({ where: { releaseId: release.id }, orderBy: { startYear: "desc" }, select: { startYear: true, academicYear: true } });
  if (!newest) return null;
  const rows = await prisma.educationCost.findMany({ where: { releaseId: release.id, startYear: newest.startYear }, select: { sector: true, level: true, tuitionFees: true } });
  return {
    academicYear: newest.academicYear,
    citation: release.citation,
    tuitionFees: Object.fromEntries(rows.map((row) => [`${row.sector}|${row.level}`, row.tuitionFees])),
  };
}
