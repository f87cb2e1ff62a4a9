import "server-only";
import { prisma } from "@/lib/db/prisma";
import { findCurrentReleases } from "@/lib/releases/find-current-releases";
import { NATIONAL_AREA } from "./find-wage-figures";
import { isOewsGroupRow, pickPublishedFigure } from "./soc-groups";

/** States (and DC) have two-digit FIPS area codes in the OEWS files; the nation is area 99. */
const STATE_AREA = "^[0-9]{2}$";

/** One occupation's OEWS annual figures in a state: its own SOC code, else the smallest published group. */
export interface StatePayFigure {
  annualMedian: number | null;
  annualP25: number | null;
  annualP75: number | null;
  /** The SOC group the figures stand for, when a group's (null for the occupation's own code). */
  groupCode: string | null;
}

/** A state's pay for every occupation, as browse, compare, /interests and /earnings use it. Plain JSON: it is cached. */
export interface StatePay {
  state: string;
  name: string;
  /** "May 2024". */
  referencePeriod: string;
  /** O*NET-SOC code → figures; occupations without a published row in the state are absent. */
  byOccupation: Record<string, StatePayFigure>;
}

/** The states the newest OEWS release publishes figures for, by name: the choices of `?state=`. */
export async function findPayStates(): Promise<{ state: string; name: string }[]> {
  const oews = (await findCurrentReleases()).get("oews");
  if (!oews) return [];
  return prisma.$queryRaw<{ state: string; name: string }[]>`
    SELECT DISTINCT w."state", w."areaTitle" AS "name" FROM "Wage" w
     WHERE w."releaseId" = ${oews.id} AND w."areaCode" ~ ${STATE_AREA} AND w."areaCode" <> ${NATIONAL_AREA} AND w."state" IS NOT NULL AND w."areaTitle" IS NOT NULL
     ORDER BY "name"`;
}

/**
 * One state's OEWS annual median, 25th and 75th percentiles for every occupation of the
 * current O*NET release, with the SOC-group rule of the national figures (the same rule
 * as the role page's state table). Null when the newest OEWS release has no such state.
 */
export async function findStatePay(state: string): Promise<StatePay | null> {
  const releases = await findCurrentReleases();
  const oews = releases.get("oews");
  const onet = releases.get("onet");
  if (!oews || !onet) return null;
  const [rows, occupations] = await Promise.all([
    prisma.$queryRaw<{ socCode: string; groupLevel: string; areaTitle: string | null; annualMedian: number | null; annualP25: number | null; annualP75: number | null }[]>`
      SELECT w."socCode", w."groupLevel", w."areaTitle", w."annualMedian", w."annualP25", w."annualP75" FROM "Wage" w
       WHERE w."releaseId" = ${oews.id} AND w."state" = ${state} AND w."areaCode" ~ ${STATE_AREA} AND w."areaCode" <> ${NATIONAL_AREA}`,
    prisma.$queryRaw<{ code: string; socCode: string | null }[]>`
      SELECT o."code", o."socCode" FROM "Occupation" o JOIN "OnetOccupation" d ON d."code" = o."code" AND d."releaseId" = ${onet.id}`,
  ]);
  if (rows.length === 0) return null;
  const bySoc = new Map(rows.map((row) => [row.socCode, row]));
  const byOccupation: Record<string, StatePayFigure> = {};
  for (const { code, socCode } of occupations) {
    const picked = pickPublishedFigure(socCode, bySoc, isOewsGroupRow);
    if (!picked) continue;
    const { row } = picked;
    byOccupation[code] = { annualMedian: row.annualMedian, annualP25: row.annualP25, annualP75: row.annualP75, groupCode: picked.groupLevel === null ? null : picked.socCode };
  }
  return { state, name: rows[0]!.areaTitle ?? state, referencePeriod: oews.referencePeriod, byOccupation };
}
