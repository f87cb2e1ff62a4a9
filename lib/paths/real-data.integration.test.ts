import { beforeAll, describe, expect, it } from "vitest";
import { computeEarnings } from "@/lib/earnings/compute-earnings";
import { ZEarningsQuerySchema } from "@/lib/earnings/compute-earnings.types";
import { findEducationCostTable } from "@/lib/earnings/find-education-cost-table";
import { findInterestProfiler, type InterestProfiler } from "@/lib/interests/find-interest-profiler";
import { rankCareersByInterest } from "@/lib/interests/rank-careers-by-interest";
import { findAllOccupationsFigures, type AllOccupationsFigures } from "@/lib/roles/find-all-occupations-figures";
import { findRoleSummaries, type RoleSummary } from "@/lib/roles/find-role-summaries";
import { realDataPresent, useRealDataDatabase } from "@/tests/support/integration/real-data";
import { CAREER_PATH_SLUGS } from "./career-paths";
import { findPathRoles } from "./find-path-roles";

// Discovery on the whole real import (DATA_DIR or ../shared/datasets): the figures the
// rules compare against, the size of each path, the profiler from onet-30.1, and one
// earnings view against the figures in datasets/README.md.
describe.skipIf(!realDataPresent)("discovery on the real datasets", () => {
  useRealDataDatabase();
  let summaries: RoleSummary[];
  let all: AllOccupationsFigures;
  let profiler: InterestProfiler | null;

  beforeAll(async () => {
    [summaries, all, profiler] = await Promise.all([findRoleSummaries(), findAllOccupationsFigures(), findInterestProfiler()]);
  });

  it("compares against BLS's all-occupations median pay and growth, and every path selects careers", () => {
    expect(all.medianAnnualWage).toBeGreaterThan(40_000);
    expect(all.changePercent).not.toBeNull();
    const sizes = Object.fromEntries(CAREER_PATH_SLUGS.map((slug) => [slug, findPathRoles(summaries, all, slug)!.roles.length]));
    console.log(`paths on the real data (all occupations: $${all.medianAnnualWage}, ${all.changePercent} %):`, sizes);
    for (const size of Object.values(sizes)) expect(size).toBeGreaterThan(0);
  });

  it("asks O*NET 30.1's 24 General activities, four per area, and ranks careers with all six interest scores", () => {
    expect(profiler?.release.version).toBe("30.1");
    expect(profiler?.questions).toHaveLength(24);
    expect(profiler?.areas.every((area) => area.description.length > 0 && area.basicInterests.length > 0)).toBe(true);
    const investigative = rankCareersByInterest(summaries, [2, 8, 1, 2, 1, 3])!;
    expect(investigative.length).toBeGreaterThan(800);
    expect(investigative.slice(0, 10).every(({ role }) => role.interestCode?.startsWith("I"))).toBe(true);
  });

  it("works out Information Security Engineers' earnings from a bachelor's and the SOC group's median", async () => {
    const costs = await findEducationCostTable();
    const [career] = computeEarnings(summaries, costs, ZEarningsQuerySchema.parse({ roles: "information-security-engineers" })).careers;
    expect(career).toMatchObject({ entryEducation: "Bachelor's degree", studyYears: 4, workStartAge: 22, pay: { median: 108_970 } });
    expect(career!.years.at(-1)!.cumulative).toBeCloseTo(44 * 108_970 - 4 * career!.costPerYear!, 2);
  });
});
