import "server-only";
import { prisma } from "@/lib/db/prisma";
import { toFigureBasis } from "./figure-basis";
import { findOccupationsPerSoc } from "./find-occupations-per-soc";
import { NATIONAL_AREA } from "./find-wage-figures";
import type { RoleAreaWage } from "./role-page.types";
import { isOewsGroupRow, pickPublishedFigure, socFigureCandidates } from "./soc-groups";

/** States (and DC) have two-digit FIPS area codes; metro areas (MSA files) have longer ones. */
const STATE_AREA_CODE = /^\d{2}$/;

/** Highest annual median first; areas whose median BLS did not publish come last, by name. */
const byMedian = (a: RoleAreaWage, b: RoleAreaWage) => (b.annualMedian ?? -1) - (a.annualMedian ?? -1) || a.name.localeCompare(b.name);

/**
 * OEWS state and metro-area figures of one release for an occupation, one row per area: in
 * each area the occupation's own SOC code first, else the smallest published group that
 * contains it (the rule national figures follow). Metro areas come from BLS's MSA file when
 * a user's folder has it; each names its primary state (OEWS PRIM_STATE).
 */
export async function findStateWages(releaseId: number, socCode: string | null): Promise<{ states: RoleAreaWage[]; metros: RoleAreaWage[] }> {
  if (!socCode) return { states: [], metros: [] };
  const candidates = socFigureCandidates(socCode).map((candidate) => candidate.code);
  const [rows, sharing] = await Promise.all([
    prisma.wage.findMany({
      where: { releaseId, areaCode: { not: NATIONAL_AREA }, socCode: { in: candidates } },
      select: {
        areaCode: true, areaTitle: true, state: true, socCode: true, title: true, groupLevel: true, employment: true, jobsPer1000: true,
        locationQuotient: true, annualP10: true, annualMedian: true, annualP90: true, hourlyMedian: true, topCoded: true,
      },
    }),
    findOccupationsPerSoc([socCode]),
  ]);
  const byArea = new Map<string, Map<string, (typeof rows)[number]>>();
  for (const row of rows) {
    const area = byArea.get(row.areaCode) ?? new Map();
    area.set(row.socCode, row);
    byArea.set(row.areaCode, area);
  }
  const states: RoleAreaWage[] = [];
  const metros: RoleAreaWage[] = [];
  for (const [areaCode, area] of byArea) {
    const picked = pickPublishedFigure(socCode, area, isOewsGroupRow);
    if (!picked) continue;
    const { row } = picked;
    (STATE_AREA_CODE.test(areaCode) ? states : metros).push({
      areaCode,
      state: row.state ?? areaCode,
      name: row.areaTitle ?? areaCode,
      basis: toFigureBasis(picked, row.title, socCode, sharing.get(socCode) ?? 0),
      employment: row.employment,
      jobsPer1000: row.jobsPer1000,
      locationQuotient: row.locationQuotient,
      annualP10: row.annualP10,
      annualMedian: row.annualMedian,
      annualP90: row.annualP90,
      hourlyMedian: row.hourlyMedian,
      topCoded: row.topCoded.filter((column) => column === "A_PCT10" || column === "A_MEDIAN" || column === "A_PCT90"),
    });
  }
  return { states: states.sort(byMedian), metros: metros.sort(byMedian) };
}
