import "server-only";
import { prisma } from "@/lib/db/prisma";
import { findCurrentReleases, type ReleaseSummary } from "@/lib/releases/find-current-releases";
import { findLeftOccupations } from "@/lib/releases/find-left-occupations";
import { interestCode, riasecScores, type RiasecScores } from "@/lib/interests/riasec";
import { brightOutlook } from "./bright-outlook";
import { findWageFigures } from "./find-wage-figures";
import { pickPublishedFigure } from "./soc-groups";

/** One role as browse and home list it: small, plain, cacheable. */
export interface RoleSummary {
  code: string;
  slug: string;
  title: string;
  /** SOC major group, "15". */
  majorGroup: string;
  jobZone: number | null;
  /** OEWS national annual median: the role's own SOC code, else its smallest published group (as the role page). */
  medianAnnualWage: number | null;
  /** OEWS national annual 25th and 75th percentiles of the same row; null when not published or top-coded. */
  annualP25: number | null;
  annualP75: number | null;
  /** The SOC group the pay figure stands for, when it is a group's (null for the role's own code). */
  wageGroupCode: string | null;
  /** Employment Projections (own code, else group, as the role page): percent change over the period. */
  changePercent: number | null;
  /** Employment Projections: openings per year, in thousands as published. */
  annualOpenings: number | null;
  /** O*NET's Bright Outlook rule on the same projection figure the role page shows. */
  brightOutlook: boolean;
  /** Employment Projections (same row as the growth figure): BLS's typical entry education, e.g. "Bachelor's degree". */
  entryEducation: string | null;
  /** BLS's work experience in a related occupation: "None", "Less than 5 years", "5 years or more". */
  workExperience: string | null;
  /** BLS's typical on-the-job training, e.g. "Short-term on-the-job training". */
  onTheJobTraining: string | null;
  /** O*NET occupational interest scores (OI, 1–7) in RIASEC order; null unless all six are published. */
  interestScores: RiasecScores | null;
  /** First and second interest from those scores ("IR"), for browse by interest. */
  interestCode: string | null;
}

/**
 * Every occupation of the current O*NET release with the figures browse sorts and filters
 * by, from the newest OEWS and Employment Projections releases, with the role page's SOC
 * group fallback (lib/roles/soc-groups.ts), and O*NET's interest scores. Four queries for all roles; callers cache
 * the result (lib/roles/cached-role-summaries.ts).
 */
export async function findRoleSummaries(): Promise<RoleSummary[]> {
  const releases = await findCurrentReleases();
  const onet = releases.get("onet");
  if (!onet) return [];
  const [occupations, interestRows] = await Promise.all([
    prisma.$queryRaw<SummaryOccupation[]>`
      SELECT o."code", o."slug", o."title", o."majorGroup", o."socCode", d."jobZone"
        FROM "Occupation" o
        JOIN "OnetOccupation" d ON d."code" = o."code" AND d."releaseId" = ${onet.id}
       ORDER BY o."code"`,
    prisma.rating.findMany({ where: { releaseId: onet.id, domain: "INTEREST" }, select: { occupationCode: true, elementId: true, importance: true } }),
  ]);
  return summarize(releases, occupations, interestRows);
}

/**
 * The occupations that left O*NET (lib/releases/find-left-occupations.ts: listed by an earlier
 * shown release, not by the current one; their pages stay) as browse lists them with
 * `?status=left` and the sitemap: the same figures, job zone and interests from their last release.
 */
export async function findLeftRoleSummaries(): Promise<LeftRoleSummaries> {
  const [releases, left] = await Promise.all([findCurrentReleases(), findLeftOccupations()]);
  const onetVersion = releases.get("onet")?.version ?? null;
  if (left.length === 0) return { onetVersion, roles: [] };
  const codes = left.map((occupation) => occupation.code);
  const occupations = await prisma.$queryRaw<SummaryOccupation[]>`
    SELECT o."code", o."slug", o."title", o."majorGroup", o."socCode", d."jobZone"
      FROM unnest(${codes}::text[], ${left.map((occupation) => occupation.parts.jobZones?.id ?? -1)}::int[]) AS l("code", "jobZones")
      JOIN "Occupation" o ON o."code" = l."code"
      LEFT JOIN "OnetOccupation" d ON d."code" = l."code" AND d."releaseId" = l."jobZones"
     ORDER BY o."code"`;
  const interestsRelease = new Map(left.map((occupation) => [occupation.code, occupation.parts.interests?.id ?? -1]));
  const interestRows = await prisma.rating.findMany({
    where: { occupationCode: { in: codes }, releaseId: { in: [...new Set(interestsRelease.values())] }, domain: "INTEREST" },
    select: { occupationCode: true, releaseId: true, elementId: true, importance: true },
  });
  const roles = await summarize(
    releases,
    occupations,
    interestRows.filter((row) => interestsRelease.get(row.occupationCode) === row.releaseId),
  );
  return { onetVersion, roles };
}

/** The occupations that left O*NET, and the current release they are not in ("30.1"). */
export interface LeftRoleSummaries {
  onetVersion: string | null;
  roles: RoleSummary[];
}

interface SummaryOccupation {
  code: string;
  slug: string;
  title: string;
  majorGroup: string;
  socCode: string | null;
  jobZone: number | null;
}

/** The summaries of `occupations` with the newest OEWS and projections figures and the given interest ratings. */
async function summarize(
  releases: Map<string, ReleaseSummary>,
  occupations: readonly SummaryOccupation[],
  interestRows: readonly { occupationCode: string; elementId: string; importance: number | null }[],
): Promise<RoleSummary[]> {
  const oews = releases.get("oews");
  const projections = releases.get("projections");
  const [wages, projectionRows] = await Promise.all([
    oews ? findWageFigures(oews.id, occupations.map((o) => o.socCode)) : new Map<string, never>(),
    projections
      ? prisma.projection.findMany({
          where: { releaseId: projections.id },
          select: { socCode: true, occupationType: true, changePercent: true, annualOpenings: true, baseYear: true, projectedYear: true, entryEducation: true, workExperience: true, onTheJobTraining: true },
        })
      : [],
  ]);
  const interestsByCode = new Map<string, (typeof interestRows)[number][]>();
  for (const row of interestRows) interestsByCode.set(row.occupationCode, [...(interestsByCode.get(row.occupationCode) ?? []), row]);
  const projectionBySoc = new Map(projectionRows.map((row) => [row.socCode, row]));
  return occupations.map(({ socCode, ...occupation }): RoleSummary => {
    const wage = socCode ? wages.get(socCode) : undefined;
    // The same rule as findProjectionFigure: a Summary row or a broad line item may stand for a group.
    const projection = pickPublishedFigure(socCode, projectionBySoc, (row) => row.occupationType === "Summary" || row.socCode.endsWith("0"))?.row;
    return {
      ...occupation,
      medianAnnualWage: wage?.row.annualMedian ?? null,
      annualP25: wage?.row.annualP25 ?? null,
      annualP75: wage?.row.annualP75 ?? null,
      wageGroupCode: wage?.basis.kind === "group" ? wage.basis.socCode : null,
      changePercent: projection?.changePercent ?? null,
      annualOpenings: projection?.annualOpenings ?? null,
      brightOutlook: projection
        ? brightOutlook({ changePercent: projection.changePercent, annualOpeningsThousands: projection.annualOpenings, baseYear: projection.baseYear, projectedYear: projection.projectedYear }).bright
        : false,
      entryEducation: projection?.entryEducation ?? null,
      workExperience: projection?.workExperience ?? null,
      onTheJobTraining: projection?.onTheJobTraining ?? null,
      ...interestFigures(interestsByCode.get(occupation.code) ?? []),
    };
  });
}

function interestFigures(rows: readonly { elementId: string; importance: number | null }[]): Pick<RoleSummary, "interestScores" | "interestCode"> {
  const scores = riasecScores(rows.map((row) => ({ elementId: row.elementId, score: row.importance })));
  return { interestScores: scores, interestCode: scores ? interestCode(scores) : null };
}
