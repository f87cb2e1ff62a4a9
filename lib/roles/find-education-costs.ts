import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { EducationCostFigures, SectionSource } from "./role-page.types";

/** What a BLS entry-education level costs to reach in NCES's table: which institutions and how many years. */
const PLANS: Record<string, { years: number; level: "4-year" | "2-year"; note?: string }> = {
  "Bachelor's degree": { years: 4, level: "4-year" },
  "Master's degree": { years: 4, level: "4-year", note: "graduate study comes on top; the NCES table covers undergraduate charges only" },
  "Doctoral or professional degree": { years: 4, level: "4-year", note: "graduate or professional school comes on top; the NCES table covers undergraduate charges only" },
  "Associate's degree": { years: 2, level: "2-year" },
  "Postsecondary nondegree award": { years: 1, level: "2-year" },
};

const SECTORS = [
  { sector: "public", label: "Public (in-state tuition)" },
  { sector: "private-nonprofit", label: "Private nonprofit" },
  { sector: "for-profit", label: "For-profit" },
] as const;

export interface EducationCostResult {
  figures: EducationCostFigures | null;
  note: string;
}

/**
 * Average published undergraduate charges for the years of study a typical entry
 * education takes (NCES Digest Table 330.10, newest academic year). No figures when the
 * entry level needs no college, or when the table is not imported.
 */
export async function findEducationCosts(release: { id: number; source: SectionSource } | null, entryEducation: string | null): Promise<EducationCostResult> {
  if (!entryEducation) return { figures: null, note: "BLS gives no typical entry education for this occupation, so there is no college cost estimate." };
  const plan = PLANS[entryEducation];
  if (!plan) return { figures: null, note: `The typical entry education (${entryEducation}) does not call for a college degree, so no college cost applies.` };
  if (!release) return { figures: null, note: "No college cost table (NCES Digest Table 330.10) has been imported." };
  const newest = await prisma.educationCost.findFirst({ where: { releaseId: release.id }, orderBy: { startYear: "desc" }, select: { startYear: true, academicYear: true } });
  if (!newest) return { figures: null, note: "The college cost table has no rows." };
  const rows = await prisma.educationCost.findMany({
    where: { releaseId: release.id, startYear: newest.startYear, level: plan.level, sector: { in: SECTORS.map((s) => s.sector) } },
    select: { sector: true, level: true, tuitionFees: true, total: true },
  });
  const bySector = new Map(rows.map((row) => [row.sector, row]));
  const figures: EducationCostFigures = {
    source: release.source,
    academicYear: newest.academicYear,
    years: plan.years,
    rows: SECTORS.flatMap(({ sector, label }) => {
      const row = bySector.get(sector);
      return row ? [{ label: `${label}, ${plan.level}`, sector, level: row.level, tuitionFees: row.tuitionFees, total: row.total }] : [];
    }),
  };
  const years = plan.years === 1 ? "one year" : `${plan.years} years`;
  return {
    figures,
    note: `Estimate for ${years} of full-time undergraduate study toward a ${entryEducation.toLowerCase()}: the published average charges of one academic year (${newest.academicYear}) × ${plan.years}, before grants or aid${plan.note ? `; ${plan.note}` : ""}.`,
  };
}
