import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { FIXTURE_CODES } from "@/tests/support/fixtures/onet-fixtures";
import { SEARCH_GROUP_MEDIAN, writeSearchDatasets } from "@/tests/support/fixtures/search-fixtures";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { browseRoles, countByMajorGroup, topRoles } from "./browse-roles";
import { parseBrowseParams, ZPathPageParamsSchema, type TBrowseRolesParams } from "./browse-roles.types";
import { findRoleSummaries, type RoleSummary } from "./find-role-summaries";

const { widget, gadget, sprocket, allOther } = FIXTURE_CODES;
const database = useTestDatabase();
let dataDir: string;
let summaries: RoleSummary[];

function params(searchParams: Record<string, string | string[]>): TBrowseRolesParams {
  const parsed = parseBrowseParams(searchParams);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(" "));
  return parsed.data;
}

const codes = (roles: readonly RoleSummary[]) => roles.map((role) => role.code);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "careerwiki-browse-"));
  await writeSearchDatasets(dataDir);
  const { failed } = await runImport({ databaseUrl: database.url, dir: dataDir, report: new ImportReport(() => {}) });
  expect(failed).toEqual([]);
  summaries = await findRoleSummaries();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("findRoleSummaries", () => {
  test("joins each role to its job zone, OEWS median pay (own code, else SOC group) and projections, with the Bright Outlook flag", () => {
    const byCode = new Map(summaries.map((role) => [role.code, role]));
    expect(byCode.get(widget)).toMatchObject({ slug: "test-widget-engineers", majorGroup: "99", jobZone: 4, medianAnnualWage: 120_000, changePercent: 12.5, annualOpenings: 3.2, brightOutlook: true });
    // Gadget technicians and sprocket inspectors share SOC 99-0002: bright by openings (15,000 a year).
    expect(byCode.get(gadget)).toMatchObject({ jobZone: 3, medianAnnualWage: 50_000, changePercent: 1.2, brightOutlook: true });
    expect(byCode.get(sprocket)).toMatchObject({ jobZone: 2, medianAnnualWage: 50_000, brightOutlook: true });
    expect(byCode.get(widget)?.wageGroupCode).toBeNull();
    expect(byCode.get(allOther)).toMatchObject({ jobZone: null, medianAnnualWage: SEARCH_GROUP_MEDIAN, wageGroupCode: "99-0000", changePercent: -2, brightOutlook: false });
  });
});

describe("browseRoles", () => {
  test("sorts by title by default, and by pay, growth and openings highest first with missing figures last", () => {
    expect(codes(browseRoles(summaries, params({}), 50).roles)).toEqual([allOther, gadget, sprocket, widget]);
    expect(codes(browseRoles(summaries, params({ sort: "pay" }), 50).roles)).toEqual([widget, gadget, sprocket, allOther]);
    expect(codes(browseRoles(summaries, params({ sort: "growth" }), 50).roles)).toEqual([widget, gadget, sprocket, allOther]);
    expect(codes(browseRoles(summaries, params({ sort: "openings" }), 50).roles)).toEqual([gadget, sprocket, widget, allOther]);
  });

  test("filters by major group, job zone and Bright Outlook, together", () => {
    expect(browseRoles(summaries, params({ group: "99" }), 50).total).toBe(4);
    expect(browseRoles(summaries, params({ group: "15" }), 50).total).toBe(0);
    expect(codes(browseRoles(summaries, params({ zone: "3" }), 50).roles)).toEqual([gadget]);
    expect(codes(browseRoles(summaries, params({ bright: "1", sort: "pay" }), 50).roles)).toEqual([widget, gadget, sprocket]);
    expect(codes(browseRoles(summaries, params({ bright: "1", zone: "2", group: "99" }), 50).roles)).toEqual([sprocket]);
  });

  test("pages the sorted list", () => {
    const first = browseRoles(summaries, params({ sort: "pay" }), 3);
    expect(first).toMatchObject({ total: 4, page: 1, pageCount: 2 });
    expect(codes(first.roles)).toEqual([widget, gadget, sprocket]);
    const second = browseRoles(summaries, params({ sort: "pay", page: "2" }), 3);
    expect(codes(second.roles)).toEqual([allOther]);
    const beyond = browseRoles(summaries, params({ page: "9" }), 3);
    expect(beyond).toMatchObject({ roles: [], page: 9, pageCount: 2 });
  });

  test("home: counts per major group and the top roles by growth and pay", () => {
    expect(countByMajorGroup(summaries)).toEqual([{ group: "99", count: 4 }]);
    expect(codes(topRoles(summaries, "pay", 2))).toEqual([widget, gadget]);
    expect(codes(topRoles(summaries, "growth", 10))).toEqual([widget, gadget, sprocket, allOther]);
  });
});

describe("parseBrowseParams", () => {
  test("accepts valid parameters, treats empty ones as absent and applies defaults", () => {
    expect(params({ group: "15", zone: "4", bright: "1", sort: "growth", page: "2" })).toEqual({ group: "15", zone: 4, bright: "1", sort: "growth", page: 2 });
    expect(params({ group: "", zone: "" })).toEqual({ sort: "title", page: 1 });
  });

  test("a career path's query has no status (a path lists current careers): it is left out of the path's links", () => {
    expect(ZPathPageParamsSchema.parse({ status: "left", zone: "2" })).toEqual({ zone: 2, sort: "title", page: 1 });
    expect(params({ status: "left" })).toMatchObject({ status: "left" });
  });

  test.each([
    [{ zone: "9" }, "The job zone is a number from 1 to 5."],
    [{ zone: "abc" }, "The job zone is a number from 1 to 5."],
    [{ page: "0" }, "The page is a whole number from 1."],
    [{ page: "1.5" }, "The page is a whole number from 1."],
    [{ sort: "salary" }, "Sort by one of: title, pay, growth, openings."],
    [{ group: "computers" }, "The occupation group is a two-digit SOC code such as 15."],
    [{ bright: "yes" }, "Bright Outlook is either on (1) or left out."],
    [{ zone: ["1", "2"] }, "Choose one job zone."],
  ])("refuses %j with a message a reader understands", (input, message) => {
    const parsed = parseBrowseParams(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});
