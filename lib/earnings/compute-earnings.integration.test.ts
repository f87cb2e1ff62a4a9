import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { findRoleSummaries, type RoleSummary } from "@/lib/roles/find-role-summaries";
import { writeDiscoveryDatasets } from "@/tests/support/fixtures/discovery-fixtures";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { computeEarnings, type EarningsCareer } from "./compute-earnings";
import { ZEarningsQuerySchema } from "./compute-earnings.types";
import { findEducationCostTable, type EducationCostTable } from "./find-education-cost-table";

const database = useTestDatabase();
let dataDir: string;
let summaries: RoleSummary[];
let costs: EducationCostTable | null;

const query = (raw: Record<string, string | string[]>) => ZEarningsQuerySchema.parse(raw);
const at = (career: EarningsCareer, age: number) => career.years.find((year) => year.age === age)!;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "careerwiki-earnings-"));
  await writeDiscoveryDatasets(dataDir);
  const { failed } = await runImport({ databaseUrl: database.url, dir: dataDir, report: new ImportReport(() => {}) });
  expect(failed).toEqual([]);
  [summaries, costs] = await Promise.all([findRoleSummaries(), findEducationCostTable()]);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("earnings over a career", () => {
  test("three careers at the median, public college, today's dollars: the hand computation from the official figures", () => {
    expect(costs).toMatchObject({ academicYear: "2019-20", tuitionFees: { "public|4-year": 9349.17, "public|2-year": 3377.1 } });
    const { careers, unknown, withoutPay } = computeEarnings(summaries, costs, query({ roles: "test-widget-engineers,test-gadget-technicians,test-lathe-operators" }));
    expect(unknown).toEqual([]);
    expect(withoutPay).toEqual([]);
    const [widget, gadget, lathe] = careers;

    // Widget engineers: bachelor's (BLS) → 4 years at public 4-year tuition $9,349.17, then the
    // OEWS median $120,000 from 22 to 65 (44 years): 44 × 120,000 − 4 × 9,349.17 = 5,242,603.32.
    expect(widget).toMatchObject({ entryEducation: "Bachelor's degree", studyYears: 4, workStartAge: 22, costPerYear: 9349.17, costYears: 4, path: "median" });
    expect(at(widget!, 21).cumulative).toBeCloseTo(-37_396.68, 2);
    expect(at(widget!, 22).cumulative).toBeCloseTo(82_603.32, 2);
    expect(at(widget!, 65).cumulative).toBeCloseTo(5_242_603.32, 2);
    expect(widget!.breakEven).toEqual({ kind: "age", age: 22 });

    // Gadget technicians: high school → work at 18, no cost; 48 × 50,000 = 2,400,000.
    expect(gadget).toMatchObject({ studyYears: 0, workStartAge: 18, costPerYear: null, costYears: 0 });
    expect(at(gadget!, 65).cumulative).toBeCloseTo(2_400_000, 2);
    expect(gadget!.breakEven).toEqual({ kind: "no-cost" });

    // Lathe operators: postsecondary nondegree award → 1 year at public 2-year tuition $3,377.10,
    // then $62,000 from 19 (47 years): 47 × 62,000 − 3,377.10 = 2,910,622.90.
    expect(lathe).toMatchObject({ studyYears: 1, workStartAge: 19, costPerYear: 3377.1, costLevel: "2-year" });
    expect(at(lathe!, 18).cumulative).toBeCloseTo(-3377.1, 2);
    expect(at(lathe!, 65).cumulative).toBeCloseTo(2_910_622.9, 2);
    expect(lathe!.breakEven).toEqual({ kind: "age", age: 19 });
  });

  test("the 25th → 75th percentile path with inflation and a discount rate", () => {
    // Widget: p25 $95,000 → p75 $150,000 over 10 years; each year × (1.02 / 1.05)^(age − 18).
    // Cost 18–21: −9,349.17 × (1 + f + f² + f³) = −35,824.27; at 22 pay 95,000 × f⁴ = 84,599.36;
    // at 32 (10th year of work) 150,000 × f¹⁴ = 99,963.97; at 65 150,000 × f⁴⁷ = 38,406.28.
    const [widget] = computeEarnings(summaries, costs, query({ roles: "test-widget-engineers", path: "range", years: "10", inflation: "2", discount: "5" })).careers;
    expect(widget!.path).toBe("range");
    expect(at(widget!, 21).cumulative).toBeCloseTo(-35_824.27, 2);
    expect(at(widget!, 22).pay).toBeCloseTo(84_599.36, 2);
    expect(at(widget!, 32).pay).toBeCloseTo(99_963.97, 2);
    expect(at(widget!, 65).pay).toBeCloseTo(38_406.28, 2);
    expect(at(widget!, 65).cumulative).toBeCloseTo(3_086_029.69, 2);
  });

  test("the sector changes the cost; careers without pay or address are named, not dropped", () => {
    const result = computeEarnings(summaries, costs, query({ roles: ["test-widget-engineers", "all-other-test-workers,no-such-career"], sector: "private-nonprofit" }));
    expect(result.careers[0]?.costPerYear).toBe(35806.62);
    expect(result.unknown).toEqual(["no-such-career"]);
    // All Other Test Workers take the major group's median (the role page's fallback), so they have pay.
    expect(result.careers.map((career) => career.slug)).toEqual(["test-widget-engineers", "all-other-test-workers"]);
    expect(result.careers[1]?.notes).toContain("BLS gives no typical entry education for this career: work is taken to start at 18, with no education cost.");
  });

  test.each([
    [{}, "Choose one to three careers."],
    [{ roles: "a,b,c,d" }, "Choose at most 3 careers."],
    [{ roles: "a", sector: "online" }, "The college sector is one of: public, private-nonprofit, for-profit."],
    [{ roles: "a", years: "0" }, "The years from the 25th to the 75th percentile are a whole number from 1 to 40."],
    [{ roles: "a", discount: "-1" }, "The discount rate is a percentage from 0 to 15."],
    [{ roles: "a", inflation: ["1", "2"] }, "Give one inflation rate."],
  ])("refuses %j with a message a reader can act on", (raw, message) => {
    const parsed = ZEarningsQuerySchema.safeParse(raw);
    expect(parsed.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});
