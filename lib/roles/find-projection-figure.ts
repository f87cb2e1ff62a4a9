import "server-only";
import { prisma } from "@/lib/db/prisma";
import { toFigureBasis } from "./figure-basis";
import { findOccupationsPerSoc } from "./find-occupations-per-soc";
import type { FigureBasis, RoleProjection } from "./role-page.types";
import { pickPublishedFigure, socFigureCandidates } from "./soc-groups";

/** A Table 1.2 row: the page's projection figures plus what identifies the row. */
export type ProjectionFigureRow = Omit<RoleProjection, "source" | "basis" | "brightOutlook"> & {
  socCode: string;
  title: string;
  occupationType: string;
};

/**
 * Table 1.2 row for a SOC code: its own line item, else the smallest Summary row (or a
 * broad line item such as 13-1020, which BLS projects as a whole) that contains it.
 */
export async function findProjectionFigure(releaseId: number, socCode: string | null): Promise<{ row: ProjectionFigureRow; basis: FigureBasis } | null> {
  if (!socCode) return null;
  const candidates = socFigureCandidates(socCode).map((c) => c.code);
  const [rows, sharing] = await Promise.all([
    prisma.projection.findMany({
      where: { releaseId, socCode: { in: candidates } },
      select: {
        socCode: true, title: true, occupationType: true, baseYear: true, projectedYear: true, employmentBase: true, employmentProjected: true,
        changeNumeric: true, changePercent: true, annualOpenings: true, entryEducation: true, workExperience: true, onTheJobTraining: true,
      },
    }),
    findOccupationsPerSoc([socCode]),
  ]);
  const picked = pickPublishedFigure(socCode, new Map(rows.map((row) => [row.socCode, row])), (row) => row.occupationType === "Summary" || row.socCode.endsWith("0"));
  if (!picked) return null;
  return { row: picked.row, basis: toFigureBasis(picked, picked.row.title, socCode, sharing.get(socCode) ?? 0) };
}
