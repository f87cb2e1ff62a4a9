import { appendFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { GET as suggest } from "@/app/api/search/suggest/route";
import BrowsePage from "@/app/(reader)/roles/page";
import SearchPage from "@/app/(reader)/search/page";
import sitemap from "@/app/sitemap";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { FIXTURE_CODES, writeNextOnetRelease } from "@/tests/support/fixtures/onet-fixtures";
import { writeSearchDatasets } from "@/tests/support/fixtures/search-fixtures";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { browseList, browseRoles } from "./browse-roles";
import { parseBrowseParams, type TBrowseRolesParams } from "./browse-roles.types";
import { findLeftRoleSummaries, findRoleSummaries, type RoleSummary } from "./find-role-summaries";
import { getRolePageByCode } from "./get-role-page";
import { searchRoles } from "./search-roles";
import { leftOnetNote } from "./left-onet-note";

// The sitemap reads the cached summaries: here each read goes to the database.
vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, revalidatePath: () => {}, revalidateTag: () => {} }));

// The release fixtures of lib/community/official-release-changes.integration.test.ts: 29.3 as
// writeSearchDatasets writes it (with pay and projections), then "30.0" without Test Sprocket
// Inspectors and with its successor (O*NET's taxonomy crosswalk in its folder). Both list the
// alternate title "Sprocket Checker": in 29.3 for the sprocket inspectors, in 30.0 for their
// successor, whose title and code sort after theirs (a tie would list the one that left first).
const database = useTestDatabase();
const { widget, sprocket } = FIXTURE_CODES;
const wheel = "99-0005.00";
let dataDir: string;

function importAll(only?: string[]) {
  return runImport({ databaseUrl: database.url, dir: dataDir, report: new ImportReport(() => {}), ...(only ? { only } : {}) });
}

function params(searchParams: Record<string, string>): TBrowseRolesParams {
  const parsed = parseBrowseParams(searchParams);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join(" "));
  return parsed.data;
}

const codes = (roles: readonly RoleSummary[]) => roles.map((role) => role.code);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "careerwiki-left-"));
  await writeSearchDatasets(dataDir);
  await appendFile(path.join(dataDir, "onet", "Alternate Titles.txt"), `${sprocket}\tSprocket Checker\tn/a\t08\n`);
  expect((await importAll()).failed).toEqual([]);
  await writeNextOnetRelease(dataDir, {
    folder: "onet-30.0",
    version: "30.0",
    released: "August 2025",
    edit: {
      "Occupation Data.txt": (rows) => [...rows.filter((row) => row[0] !== sprocket), [wheel, "Test Toothed Wheel Makers", "Make toothed wheels for the test suite."]],
      "Alternate Titles.txt": (rows) => [...rows.filter((row) => row[0] !== sprocket), [wheel, "Sprocket Checker", "n/a", "08"]],
      "Task Statements.txt": (rows) => rows.filter((row) => row[0] !== sprocket),
      "Job Zones.txt": (rows) => rows.filter((row) => row[0] !== sprocket),
      "Related Occupations.txt": (rows) => rows.filter((row) => row[0] !== sprocket && row[1] !== sprocket),
    },
  });
  await writeFile(
    path.join(dataDir, "onet-30.0", "2019_to_2025_Crosswalk.csv"),
    [`"O*NET-SOC 2019 Code","O*NET-SOC 2019 Title","O*NET-SOC 2025 Code","O*NET-SOC 2025 Title"`, `"${sprocket}","Test Sprocket Inspectors","${wheel}","Test Toothed Wheel Makers"`].join("\r\n") + "\r\n",
  );
  expect((await importAll(["onet"])).failed).toEqual([]);
  // The page of the occupation that left stays, marked: the rule search, browse and the sitemap follow.
  expect(await getRolePageByCode(sprocket)).toMatchObject({ inCurrentRelease: false, lastOnetRelease: { version: "29.3" } });
}, 300_000);
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("an occupation that left O*NET", () => {
  const left = { version: "30.0", successors: [{ code: wheel, slug: "test-toothed-wheel-makers", title: "Test Toothed Wheel Makers" }] };

  test("is found by its title, marked with the release it is not in and its successor", async () => {
    const results = await searchRoles({ query: "sprocket inspectors" });
    expect(results[0]).toMatchObject({ code: sprocket, matchedKind: "TITLE", leftOnet: left });
    expect(leftOnetNote(results[0]!.leftOnet!)).toBe("No longer in O*NET 30.0; succeeded by Test Toothed Wheel Makers");
    // Current roles carry no mark.
    expect(results.filter((result) => result.code !== sprocket).every((result) => result.leftOnet === null)).toBe(true);
    expect((await searchRoles({ query: "widget engineers" }))[0]).toMatchObject({ code: widget, leftOnet: null });
  });

  test("ranks after a current occupation of equal match (the same alternate title)", async () => {
    const results = await searchRoles({ query: "sprocket checker" });
    expect(results.map((result) => [result.code, result.matchedText, result.leftOnet?.version ?? null])).toEqual([
      [wheel, "Sprocket Checker", null],
      [sprocket, "Sprocket Checker", "30.0"],
    ]);
  });

  test("is among the header box's suggestions, marked", async () => {
    const response = await suggest(new NextRequest("http://localhost/api/search/suggest?q=sprocket%20insp"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { suggestions: { code: string; leftOnet: unknown }[] };
    expect(body.suggestions.find((suggestion) => suggestion.code === sprocket)).toMatchObject({ leftOnet: left });
  });

  test("is in the sitemap with its lastmod, as its page answers", async () => {
    const entries = await sitemap();
    const entry = entries.find((candidate) => candidate.url.endsWith("/roles/test-sprocket-inspectors"));
    expect(entry?.lastModified).toBeInstanceOf(Date);
    expect(entries.some((candidate) => candidate.url.endsWith("/roles/test-toothed-wheel-makers"))).toBe(true);
  });

  test("is left out of browse by default and listed with ?status=left, with the other filters and sorts", async () => {
    const [current, gone] = await Promise.all([findRoleSummaries(), findLeftRoleSummaries()]);
    expect(gone.onetVersion).toBe("30.0");
    expect(codes(gone.roles)).toEqual([sprocket]);
    // Its last release's job zone and the pay of its SOC code.
    expect(gone.roles[0]).toMatchObject({ slug: "test-sprocket-inspectors", jobZone: 2, medianAnnualWage: 50_000 });
    const lists = { current, left: gone.roles };
    const browse = (query: Record<string, string>) => codes(browseRoles(browseList(lists, params(query)), params(query), 50).roles);
    expect(browse({})).not.toContain(sprocket);
    expect(browse({})).toContain(wheel);
    expect(browse({ status: "left" })).toEqual([sprocket]);
    expect(browse({ status: "left", sort: "pay", group: "99", zone: "2" })).toEqual([sprocket]);
    expect(browse({ status: "left", zone: "4" })).toEqual([]);
    expect(parseBrowseParams({ status: "gone" }).error?.issues.map((issue) => issue.message)).toEqual(["The status is either left (occupations no longer in O*NET) or left out."]);
    // An empty value counts as absent, as the other filters.
    expect(parseBrowseParams({ status: "" }).data?.status).toBeUndefined();
  });

  test("the search page marks it and links its successor; browse counts it and links the filter that lists it", async () => {
    const search = renderToStaticMarkup(await SearchPage({ searchParams: Promise.resolve({ q: "sprocket inspectors" }) }));
    expect(search).toContain('<strong>No longer in O*NET 30.0</strong>; succeeded by <span><a href="/roles/test-toothed-wheel-makers">Test Toothed Wheel Makers</a></span>');
    const browse = renderToStaticMarkup(await BrowsePage({ searchParams: Promise.resolve({ sort: "pay" }) }));
    expect(browse).toContain('1 career left O*NET 30.0 and is not listed here. <a href="/roles?status=left&amp;sort=pay">Show the careers that left</a>');
    expect(browse).not.toContain("Test Sprocket Inspectors");
    const left = renderToStaticMarkup(await BrowsePage({ searchParams: Promise.resolve({ status: "left", sort: "pay" }) }));
    expect(left).toContain('<h2 id="results">1 career no longer in O*NET 30.0</h2>');
    expect(left).toContain("Test Sprocket Inspectors");
    expect(left).toContain('<input type="hidden" name="status" value="left"/>');
  });
});
