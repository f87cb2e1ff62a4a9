import "server-only";
import { prisma } from "@/lib/db/prisma";
import { computeBrightOutlook } from "./bright-outlook";

/** One role as browse and home list it: small, plain, cacheable. */
export interface RoleSummary {
  code: string;
  slug: string;
  title: string;
  /** SOC major group, "15". */
  majorGroup: string;
  jobZone: number | null;
  /** OEWS national annual median for the role's own SOC code (null when BLS publishes none). */
  medianAnnualWage: number | null;
  /** Employment Projections: percent change over the period. */
  changePercent: number | null;
  /** Employment Projections: openings per year, in thousands as published. */
  annualOpenings: number | null;
  brightOutlook: boolean;
}

interface SummaryRow {
  code: string;
  slug: string;
  title: string;
  majorGroup: string;
  jobZone: number | null;
  medianAnnualWage: number | null;
  changePercent: number | null;
  annualOpenings: number | null;
  baseYear: number | null;
  projectedYear: number | null;
}

/**
 * Every occupation of the current O*NET release with the figures browse sorts and filters
 * by, joined through its SOC 2018 code to the newest OEWS and Employment Projections
 * releases. One query; callers cache the result (lib/roles/cached-role-summaries.ts).
 */
export async function findRoleSummaries(): Promise<RoleSummary[]> {
  const rows = await prisma.$queryRaw<SummaryRow[]>`
    WITH current AS (
      SELECT DISTINCT ON ("dataset") "dataset", "id" FROM "DatasetRelease"
       WHERE "dataset" IN ('onet', 'oews', 'projections')
       ORDER BY "dataset", "releasedOn" DESC, "id" DESC
    )
    SELECT o."code", o."slug", o."title", o."majorGroup", d."jobZone",
           w."annualMedian" AS "medianAnnualWage",
           p."changePercent", p."annualOpenings", p."baseYear", p."projectedYear"
      FROM "Occupation" o
      JOIN "OnetOccupation" d ON d."code" = o."code" AND d."releaseId" = (SELECT "id" FROM current WHERE "dataset" = 'onet')
      LEFT JOIN "Wage" w ON w."releaseId" = (SELECT "id" FROM current WHERE "dataset" = 'oews') AND w."areaCode" = '99' AND w."socCode" = o."socCode"
      LEFT JOIN "Projection" p ON p."releaseId" = (SELECT "id" FROM current WHERE "dataset" = 'projections') AND p."socCode" = o."socCode"
     ORDER BY o."code"`;
  return rows.map(({ baseYear, projectedYear, ...row }) => ({
    ...row,
    brightOutlook:
      baseYear !== null && projectedYear !== null
        ? computeBrightOutlook({ baseYear, projectedYear, changePercent: row.changePercent, annualOpeningsThousands: row.annualOpenings }).bright
        : false,
  }));
}
