import "server-only";
import { prisma } from "@/lib/db/prisma";
import { findCurrentReleases } from "@/lib/releases/find-current-releases";

/** BLS's code for the total of all occupations, in OEWS and in the projections' Table 1.2. */
const ALL_OCCUPATIONS = "00-0000";
const NATIONAL_AREA = "99";

/** The all-occupations figures the discovery rules compare each career with. */
export interface AllOccupationsFigures {
  /** OEWS national annual median wage of all occupations, and the release it is from ("May 2024"). */
  medianAnnualWage: number | null;
  wageRelease: string | null;
  /** Employment Projections: percent change of total employment over the period, and the period ("2024–34"). */
  changePercent: number | null;
  projectionRelease: string | null;
}

/** Two indexed reads of BLS's "00-0000" rows in the newest OEWS and projections releases. */
export async function findAllOccupationsFigures(): Promise<AllOccupationsFigures> {
  const releases = await findCurrentReleases();
  const oews = releases.get("oews");
  const projections = releases.get("projections");
  const [wage, projection] = await Promise.all([
    oews ? prisma.wage.findUnique({ where: { releaseId_areaCode_socCode: { releaseId: oews.id, areaCode: NATIONAL_AREA, socCode: ALL_OCCUPATIONS } }, select: { annualMedian: true } }) : null,
    projections ? prisma.projection.findUnique({ where: { releaseId_socCode: { releaseId: projections.id, socCode: ALL_OCCUPATIONS } }, select: { changePercent: true } }) : null,
  ]);
  return {
    medianAnnualWage: wage?.annualMedian ?? null,
    wageRelease: wage ? (oews?.version ?? null) : null,
    changePercent: projection?.changePercent ?? null,
    projectionRelease: projection ? (projections?.version ?? null) : null,
  };
}
