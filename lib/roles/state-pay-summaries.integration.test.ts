import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { computeEarnings, type EarningsCareer } from "@/lib/earnings/compute-earnings";
import { ZEarningsQuerySchema } from "@/lib/earnings/compute-earnings.types";
import { toEarningsResponse, ZEarningsResponseSchema } from "@/lib/earnings/earnings-response";
import { findEducationCostTable, type EducationCostTable } from "@/lib/earnings/find-education-cost-table";
import { rankCareersByInterest } from "@/lib/interests/rank-careers-by-interest";
import { oewsRow, writeOewsStateCsv } from "@/tests/support/fixtures/bls-fixtures";
import { writeDiscoveryDatasetsWithInterests } from "@/tests/support/fixtures/discovery-fixtures";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { browseRoles } from "./browse-roles";
import { parseBrowseParams } from "./browse-roles.types";
import { findRoleSummaries, type RoleSummary } from "./find-role-summaries";
import { findPayStates, findStatePay, type StatePay } from "./find-state-pay";
import { withStatePay } from "./state-pay-summaries";

// The discovery fixtures (tests/support/fixtures/discovery-fixtures.ts): national medians widget
// $120,000, gadget and sprocket (shared SOC 99-0002) $50,000, all other (major group) $45,000,
// lathe $62,000. California and Texas below, in the state CSV's layout.
const database = useTestDatabase();
let dataDir: string;
let summaries: RoleSummary[];
let california: StatePay;
let costs: EducationCostTable | null;

const state = (AREA: string, AREA_TITLE: string, PRIM_STATE: string) => ({ AREA, AREA_TITLE, AREA_TYPE: "2", PRIM_STATE });
const CA = state("06", "California", "CA");

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "careerwiki-state-pay-"));
  await writeDiscoveryDatasetsWithInterests(dataDir);
  await writeOewsStateCsv(dataDir, 2024, [
    oewsRow({ ...CA, OCC_CODE: "99-0000", OCC_TITLE: "Test Occupations", O_GROUP: "major", A_PCT25: null, A_MEDIAN: 47_000, A_PCT75: null }),
    oewsRow({ ...CA, OCC_CODE: "99-0001", A_PCT25: 110_000, A_MEDIAN: 140_000, A_PCT75: 170_000 }),
    // Empty 25th and 75th percentiles: the range path stays at the median.
    oewsRow({ ...CA, OCC_CODE: "99-0002", A_PCT25: null, A_MEDIAN: 55_000, A_PCT75: null }),
    // Lathe operators (99-0005): California's row has empty cells (BLS published no figure), so
    // neither the national figure nor the major group's stands in for it.
    oewsRow({ ...CA, OCC_CODE: "99-0005", TOT_EMP: null, A_PCT25: null, A_MEDIAN: null, A_PCT75: null }),
    oewsRow({ ...state("48", "Texas", "TX"), OCC_CODE: "99-0005", A_MEDIAN: 70_000 }),
  ]);
  const { failed } = await runImport({ databaseUrl: database.url, dir: dataDir, report: new ImportReport(() => {}) });
  expect(failed).toEqual([]);
  [summaries, costs] = await Promise.all([findRoleSummaries(), findEducationCostTable()]);
  california = (await findStatePay("CA"))!;
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const pay = (roles: readonly RoleSummary[]) => roles.map((role) => [role.slug, role.medianAnnualWage]);
const at = (career: EarningsCareer, age: number) => career.years.find((year) => year.age === age)!;

describe("a chosen state's pay in browse, /interests and /earnings", () => {
  test("the states on offer, and one state's figures with the SOC-group rule; an unknown state has none", async () => {
    expect(await findPayStates()).toEqual([
      { state: "CA", name: "California" },
      { state: "TX", name: "Texas" },
    ]);
    expect(california).toMatchObject({ state: "CA", name: "California", referencePeriod: "May 2024" });
    expect(california.byOccupation).toEqual({
      "99-0001.00": { annualMedian: 140_000, annualP25: 110_000, annualP75: 170_000, groupCode: null },
      "99-0002.00": { annualMedian: 55_000, annualP25: null, annualP75: null, groupCode: null },
      "99-0003.00": { annualMedian: 55_000, annualP25: null, annualP75: null, groupCode: null },
      "99-0004.00": { annualMedian: 47_000, annualP25: null, annualP75: null, groupCode: "99-0000" },
      "99-0005.00": { annualMedian: null, annualP25: null, annualP75: null, groupCode: null },
    });
    expect(await findStatePay("ZZ")).toBeNull();
    expect(await findStatePay("US")).toBeNull(); // the national rows (area 99) are not a state

  });

  test("browse sorts by the state's median and filters by a minimum of it; a career without a state figure never takes the national one", () => {
    const browse = (raw: Record<string, string>, list: readonly RoleSummary[]) => browseRoles(list, parseBrowseParams(raw).data!, 50).roles;
    const inCalifornia = withStatePay(summaries, california);
    expect(pay(browse({ sort: "pay", state: "CA" }, inCalifornia))).toEqual([
      ["test-widget-engineers", 140_000],
      ["test-gadget-technicians", 55_000],
      ["test-sprocket-inspectors", 55_000],
      ["all-other-test-workers", 47_000],
      ["test-lathe-operators", null],
    ]);
    expect(pay(browse({ sort: "pay", minPay: "55000" }, inCalifornia))).toEqual([
      ["test-widget-engineers", 140_000],
      ["test-gadget-technicians", 55_000],
      ["test-sprocket-inspectors", 55_000],
    ]);
    // The same minimum on national figures: lathe operators ($62,000) pass, gadget technicians ($50,000) do not.
    expect(pay(browse({ sort: "pay", minPay: "55000" }, summaries))).toEqual([
      ["test-widget-engineers", 120_000],
      ["test-lathe-operators", 62_000],
    ]);
    expect(parseBrowseParams({ state: "California" }).error?.issues.map((issue) => issue.message)).toEqual(["The state is a two-letter postal code, such as CA."]);
    expect(parseBrowseParams({ minPay: "lots" }).error?.issues.map((issue) => issue.message)).toEqual(["The minimum pay is a whole number of dollars a year, such as 60000."]);
  });

  test("the interest ranking keeps careers whose median in the chosen state reaches the minimum", () => {
    const scores = [4, 3, 0, 1, 1, 2] as const;
    const all = rankCareersByInterest(summaries, [...scores], {})!;
    const national = rankCareersByInterest(summaries, [...scores], { minPay: 55_000 })!;
    const inCalifornia = rankCareersByInterest(withStatePay(summaries, california), [...scores], { minPay: 55_000 })!;
    expect(all.length).toBeGreaterThan(inCalifornia.length);
    // Hand-checked against the figures above: the order of `all`, keeping those at or above $55,000.
    const keep = (median: (role: RoleSummary) => number | null) => all.filter(({ role }) => (median(role) ?? -1) >= 55_000).map(({ role }) => role.slug);
    expect(national.map(({ role }) => role.slug)).toEqual(keep((role) => role.medianAnnualWage));
    expect(inCalifornia.map(({ role }) => role.slug)).toEqual(keep((role) => california.byOccupation[role.code]?.annualMedian ?? null));
    expect(inCalifornia.map(({ role }) => role.slug)).toContain("test-gadget-technicians");
    expect(national.map(({ role }) => role.slug)).not.toContain("test-gadget-technicians");
  });

  test("earnings with California's pay: the hand computation from its figures; a career without a California figure is named, not given the national one", () => {
    const query = ZEarningsQuerySchema.parse({ roles: "test-widget-engineers,test-gadget-technicians,test-lathe-operators", state: "ca" });
    expect(query.state).toBe("CA");
    const result = computeEarnings(withStatePay(summaries, california), costs, query);
    const [widget, gadget] = result.careers;
    // Widget: 4 years at $9,349.17 public tuition, then California's median $140,000 from 22 to 65:
    // 44 × 140,000 − 37,396.68 = 6,122,603.32.
    expect(widget!.pay).toEqual({ p25: 110_000, median: 140_000, p75: 170_000 });
    expect(at(widget!, 22).cumulative).toBeCloseTo(102_603.32, 2);
    expect(at(widget!, 65).cumulative).toBeCloseTo(6_122_603.32, 2);
    // Gadget: high school, 48 × 55,000 = 2,640,000.
    expect(at(gadget!, 65).cumulative).toBeCloseTo(2_640_000, 2);
    expect(result.withoutPay).toEqual([{ slug: "test-lathe-operators", title: "Test Lathe Operators" }]);

    // The range path: widget from $110,000 rising $6,000 a year to $170,000 after 10 years:
    // 44 × 110,000 + 6,000 × (0 + 1 + … + 10 + 33 × 10) = 4,840,000 + 2,310,000; minus tuition = 7,112,603.32.
    // Gadget: California publishes no 25th or 75th percentile, so it stays at the median, saying so.
    const range = computeEarnings(withStatePay(summaries, california), costs, ZEarningsQuerySchema.parse({ roles: "test-widget-engineers,test-gadget-technicians", state: "CA", path: "range" }));
    expect(at(range.careers[0]!, 65).cumulative).toBeCloseTo(7_112_603.32, 2);
    expect(range.careers[1]).toMatchObject({ path: "median" });
    expect(range.careers[1]!.notes.some((note) => note.includes("stays at the median"))).toBe(true);

    const body = JSON.parse(JSON.stringify(toEarningsResponse(query, result, costs, california)));
    expect(ZEarningsResponseSchema.safeParse(body).error?.issues ?? []).toEqual([]);
    expect(body).toMatchObject({ query: { state: "CA" }, payArea: { state: "CA", name: "California", referencePeriod: "May 2024" } });
    expect(body.careers[0].years.at(-1)).toEqual({ age: 65, pay: 140_000, cost: 0, cumulative: 6_122_603 });
  });
});
