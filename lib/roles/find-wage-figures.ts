import "server-only";
import { prisma } from "@/lib/db/prisma";
import { toFigureBasis } from "./figure-basis";
import { findOccupationsPerSoc } from "./find-occupations-per-soc";
import type { FigureBasis } from "./role-page.types";
import { isOewsGroupRow, pickPublishedFigure, socFigureCandidates } from "./soc-groups";

/** The national area of the OEWS files. */
export const NATIONAL_AREA = "99";

const WAGE_COLUMNS = {
  socCode: true,
  title: true,
  groupLevel: true,
  employment: true,
  hourlyMean: true,
  annualMean: true,
  hourlyP10: true,
  hourlyP25: true,
  hourlyMedian: true,
  hourlyP75: true,
  hourlyP90: true,
  annualP10: true,
  annualP25: true,
  annualMedian: true,
  annualP75: true,
  annualP90: true,
  annualOnly: true,
  hourlyOnly: true,
  topCoded: true,
} as const;

export interface WageFigureRow {
  socCode: string;
  title: string;
  groupLevel: string;
  employment: number | null;
  hourlyMean: number | null;
  annualMean: number | null;
  hourlyP10: number | null;
  hourlyP25: number | null;
  hourlyMedian: number | null;
  hourlyP75: number | null;
  hourlyP90: number | null;
  annualP10: number | null;
  annualP25: number | null;
  annualMedian: number | null;
  annualP75: number | null;
  annualP90: number | null;
  annualOnly: boolean;
  hourlyOnly: boolean;
  topCoded: string[];
}

export interface WageFigure {
  row: WageFigureRow;
  basis: FigureBasis;
}

/**
 * National OEWS figures of one release for several SOC codes at once: each code's own row,
 * else the smallest published group (broad → minor → major) that contains it.
 * Keyed by the SOC code asked for.
 */
export async function findWageFigures(releaseId: number, socCodes: readonly (string | null)[]): Promise<Map<string, WageFigure>> {
  const wanted = [...new Set(socCodes.filter((code): code is string => code !== null))];
  if (wanted.length === 0) return new Map();
  const candidates = [...new Set(wanted.flatMap((code) => socFigureCandidates(code).map((c) => c.code)))];
  const [rows, sharing] = await Promise.all([
    prisma.wage.findMany({ where: { releaseId, areaCode: NATIONAL_AREA, socCode: { in: candidates } }, select: WAGE_COLUMNS }),
    findOccupationsPerSoc(wanted),
  ]);
  const bySoc = new Map(rows.map((row) => [row.socCode, row]));
  const figures = new Map<string, WageFigure>();
  for (const code of wanted) {
    const picked = pickPublishedFigure(code, bySoc, isOewsGroupRow);
    if (picked) figures.set(code, { row: picked.row, basis: toFigureBasis(picked, picked.row.title, code, sharing.get(code) ?? 0) });
  }
  return figures;
}
