import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { EXTRA_WIDGET_SKILLS, ROLE_FIXTURE_SLUGS, writeRoleDatasets } from "../../tests/support/fixtures/role-fixtures";
import { useTestDatabase } from "../../tests/support/integration/use-test-database";
import { compareRoles } from "./compare-roles";
import { getRolePage, getRolePageByCode } from "./get-role-page";
import type { RolePage } from "./role-page.types";
import { roleJsonLd } from "./role-json-ld";
import { roleToMarkdown } from "./role-to-markdown";

const database = useTestDatabase();
let dir: string;
const pages = {} as Record<keyof typeof ROLE_FIXTURE_SLUGS, RolePage>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "careerwiki-role-page-"));
  await writeRoleDatasets(dir);
  const { failed } = await runImport({ databaseUrl: database.url, dir, report: new ImportReport(() => {}) });
  expect(failed).toEqual([]);
  for (const [key, slug] of Object.entries(ROLE_FIXTURE_SLUGS)) {
    const page = await getRolePage(slug);
    if (!page) throw new Error(`no page for ${slug}`);
    pages[key as keyof typeof ROLE_FIXTURE_SLUGS] = page;
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("getRolePage: header and O*NET sections", () => {
  it("returns null for an unknown slug, and the same page by code", async () => {
    expect(await getRolePage("no-such-role")).toBeNull();
    expect((await getRolePageByCode("99-0001.00"))?.slug).toBe("test-widget-engineers");
  });

  it("has title, codes, the description's first sentence and the other titles", () => {
    const widget = pages.widget;
    expect(widget).toMatchObject({ code: "99-0001.00", socCode: "99-1011", title: "Test Widget Engineers", summary: "Design and test widgets for the test suite." });
    expect(widget.alsoKnownAs.slice(0, 3)).toEqual(["Widget Designer", "Senior Widget Engineer (SWE)", "Widgeteer"]);
    expect(widget.alsoKnownAs).toHaveLength(9);
    expect(widget.onet).toMatchObject({ dataset: "onet", version: "29.3" });
  });

  it("orders tasks by importance when task ratings exist, and keeps O*NET's order with type n/a", () => {
    expect(pages.widget.tasksRanked).toBe(true);
    expect(pages.widget.tasks.map((t) => [t.statement, t.taskType, t.importance])).toEqual([
      ["Design widgets to specification.", "Core", 4.5],
      ["Test widgets under load.", "Supplemental", 3.2],
    ]);
    expect(pages.sprocket.tasksRanked).toBe(false);
    expect(pages.sprocket.tasks).toEqual([{ taskId: 90004, statement: "Inspect sprockets.", taskType: null, importance: null }]);
    expect(pages.allOther.tasks).toEqual([]);
  });

  it("ranks skills, knowledge, abilities and interests by importance", () => {
    const { ratings } = pages.widget;
    expect(ratings.skills.map((s) => s.name).slice(0, 5)).toEqual(["Reading Comprehension", "Active Listening", EXTRA_WIDGET_SKILLS[0], EXTRA_WIDGET_SKILLS[1], EXTRA_WIDGET_SKILLS[2]]);
    expect(ratings.skills).toHaveLength(13);
    expect(ratings.skills.at(-1)).toMatchObject({ name: "Programming", importance: 1 });
    expect(ratings.knowledge).toEqual([{ elementId: "2.C.1.a", name: "Administration and Management", importance: 4.78, level: 6.5, suppressed: true }]);
    expect(ratings.abilities.map((a) => a.name)).toEqual(["Oral Comprehension"]);
    expect(ratings.interests.map((i) => [i.name, i.importance])).toEqual([["Investigative", 6.12], ["Realistic", 5.67]]);
    expect(pages.allOther.ratings.skills).toEqual([]);
  });

  it("groups technology by commodity with hot and in-demand marks, and tools", () => {
    expect(pages.widget.technology).toEqual([
      { commodityTitle: "Computer aided design CAD software", items: [{ example: "Widget CAD", hotTechnology: true, inDemand: true }] },
      { commodityTitle: "Spreadsheet software", items: [{ example: "Spreadsheet Pro", hotTechnology: false, inDemand: false }] },
    ]);
    expect(pages.widget.tools).toEqual([{ commodityTitle: "Torque wrenches", items: ["Torque wrenches"] }]);
  });

  it("lists related careers with their median pay and its basis", () => {
    expect(pages.widget.related.map((r) => [r.slug, r.medianAnnual, r.basis?.kind])).toEqual([
      ["test-gadget-technicians", 58240, "shared"],
      ["test-sprocket-inspectors", 58240, "shared"],
    ]);
  });

  it("has the job zone with its meaning and the RL education distribution", () => {
    expect(pages.widget.jobZone).toMatchObject({ zone: 4, name: "Job Zone 4: Test Preparation", education: "Education 4." });
    expect(pages.widget.educationLevels.map((l) => [l.label, l.percent])).toEqual([
      ["Less than a High School Diploma", 0],
      ["High School Diploma - or the equivalent (for example, GED)", 4.46],
      ["Bachelor's Degree", 95.54],
    ]);
    expect(pages.allOther.jobZone).toBeNull();
  });
});

describe("getRolePage: BLS figures and the SOC group fallback", () => {
  it("uses the occupation's own OEWS row, with top-coded percentiles kept as such", () => {
    const wages = pages.widget.wages!;
    expect(wages.basis).toEqual({ kind: "own", socCode: "99-1011", socTitle: "Test Widget Engineers" });
    expect(wages.source).toMatchObject({ dataset: "oews", version: "May 2024" });
    expect(wages.employment).toBe(98760);
    expect(wages.annual).toEqual([
      { percentile: 10, value: 80000, topCoded: false },
      { percentile: 25, value: 110000, topCoded: false },
      { percentile: 50, value: 150000, topCoded: false },
      { percentile: 75, value: null, topCoded: true },
      { percentile: 90, value: null, topCoded: true },
    ]);
    expect(wages.hourly.filter((p) => p.topCoded).map((p) => p.percentile)).toEqual([75, 90]);
  });

  it("compares the median with the previous OEWS release", () => {
    expect(pages.widget.wages!.previous).toMatchObject({ source: { version: "May 2023" }, annualMedian: 140000 });
    expect(pages.widget.wages!.previous!.changePercent).toBeCloseTo(7.142857, 5);
    expect(pages.gadget.wages!.previous).toBeNull();
  });

  it("calls a SOC code several O*NET occupations share a SOC group figure", () => {
    expect(pages.gadget.wages!.basis).toEqual({ kind: "shared", socCode: "99-1012", socTitle: "Test Gadget and Sprocket Workers", occupationCount: 2 });
    expect(pages.sprocket.projection!.basis).toMatchObject({ kind: "shared", socCode: "99-1012" });
  });

  it("falls back to the smallest published group: OEWS broad 99-1030, projections Summary 99-1000", () => {
    expect(pages.allOther.wages!.basis).toEqual({ kind: "group", socCode: "99-1030", socTitle: "Test Workers Group", groupLevel: "broad", ownSocCode: "99-1031" });
    expect(pages.allOther.wages!.annual.find((p) => p.percentile === 50)!.value).toBe(45670);
    expect(pages.allOther.projection!.basis).toEqual({ kind: "group", socCode: "99-1000", socTitle: "Test minor occupations", groupLevel: "minor", ownSocCode: "99-1031" });
  });

  it("has the projection figures and computes Bright Outlook from both criteria", () => {
    expect(pages.widget.projection).toMatchObject({
      baseYear: 2024, projectedYear: 2034, employmentBase: 50, employmentProjected: 54.1, changePercent: 8.2, annualOpenings: 3.1,
      entryEducation: "Bachelor's degree", workExperience: "None", onTheJobTraining: "None",
      brightOutlook: { bright: true, grows: true, manyOpenings: false, growthThresholdPercent: 5, openingsThreshold: 100000 },
    });
    expect(pages.allOther.projection!.brightOutlook).toMatchObject({ bright: true, grows: false, manyOpenings: true, openingsOverPeriod: 120000 });
    expect(pages.gadget.projection!.brightOutlook).toMatchObject({ bright: false, grows: false, manyOpenings: false });
  });
});

describe("getRolePage: AI exposure", () => {
  it("gives each index its value and percentile, with tied values sharing the top percentile", () => {
    const gamma = (page: RolePage) => page.aiExposure.find((i) => i.metric === "ELOUNDOU_GAMMA")!;
    expect([gamma(pages.widget).value, gamma(pages.widget).percentile]).toEqual([1, 100]);
    expect([gamma(pages.gadget).value, gamma(pages.gadget).percentile]).toEqual([1, 100]);
    expect(gamma(pages.sprocket).percentile).toBe(50);
    expect(pages.widget.aiExposure.map((i) => i.metric)).toEqual(["ELOUNDOU_GAMMA", "ELOUNDOU_BETA", "ELOUNDOU_ALPHA", "FELTEN_AIOE", "FELTEN_LM_AIOE", "MS_APPLICABILITY"]);
  });

  it("names the SOC 2010 predecessors of a merged Felten value", () => {
    const aioe = pages.gadget.aiExposure.find((i) => i.metric === "FELTEN_AIOE")!;
    expect(aioe).toMatchObject({ value: 0.75, code: "99-1012", predecessorCodes: ["99-1020", "99-1021"] });
    expect(aioe.percentile).toBeCloseTo(100 / 3, 6);
    expect(pages.widget.aiExposure.find((i) => i.metric === "FELTEN_AIOE")).toMatchObject({ value: 1.5, percentile: 100, predecessorCodes: ["99-1010"] });
  });

  it("levels the mean percentile of the indices present into terciles", () => {
    expect(pages.widget.aiLevel).toMatchObject({ level: "High", meanPercentile: 100, indexCount: 4 });
    expect(pages.gadget.aiLevel).toMatchObject({ level: "Medium", indexCount: 4 });
    expect(pages.gadget.aiLevel!.meanPercentile).toBeCloseTo(50, 6);
    expect(pages.sprocket.aiLevel!.level).toBe("Medium");
    // Only Eloundou covers 99-0004.00: the level rests on it alone, and the others have no value.
    expect(pages.allOther.aiLevel).toMatchObject({ level: "Low", meanPercentile: 25, indexCount: 1 });
    expect(pages.allOther.aiExposure.filter((i) => i.value === null).map((i) => i.metric)).toEqual(["FELTEN_AIOE", "FELTEN_LM_AIOE", "MS_APPLICABILITY"]);
  });
});

describe("getRolePage: video, costs and sources", () => {
  it("links the occupation's own video, says when it is a related occupation's, and says when there is none", () => {
    expect(pages.widget.video).toMatchObject({ videoCode: "99-0001.00", relatedOccupation: null, pageUrl: "https://www.careeronestop.org/Videos/careeronestop-videos.aspx?videocode=99000100" });
    expect(pages.sprocket.video!.relatedOccupation).toEqual({ code: "99-0002.00", title: "Test Gadget Technicians", slug: "test-gadget-technicians" });
    expect(pages.gadget.video).toBeNull();
  });

  it("estimates college cost from the entry education, and explains when none applies", () => {
    const cost = pages.widget.educationCost!;
    expect(cost).toMatchObject({ academicYear: "2019-20", years: 4, source: { dataset: "nces-costs", version: "Digest 2020" } });
    expect(cost.rows.find((r) => r.sector === "public")).toMatchObject({ level: "4-year", tuitionFees: 9349.17, total: 21035.46 });
    expect(pages.widget.educationCostNote).toMatch(/4 years .* bachelor's degree/);
    expect(pages.gadget.educationCost).toBeNull();
    expect(pages.gadget.educationCostNote).toMatch(/High school diploma or equivalent\) does not call for a college degree/);
    expect(pages.allOther.educationCost!.years).toBe(1);
  });

  it("lists every release it draws on, the previous OEWS one included, and the import date", () => {
    expect(pages.widget.sources.map((s) => `${s.dataset} ${s.version}`).sort()).toEqual(
      [
        "aioe 2021-06-11", "aioe-lm 2023-03-07", "career-videos 2026-01-07", "eloundou 2025-10-03", "ms-ai-applicability 2025-08-29",
        "nces-costs Digest 2020", "oews May 2023", "oews May 2024", "onet 29.3", "onet-soc-crosswalk 2019", "projections 2024–34",
      ].sort(),
    );
    expect(pages.gadget.sources.map((s) => s.dataset)).not.toContain("nces-costs");
    expect(pages.widget.dataAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(pages.widget.narratives).toEqual([]);
    expect(pages.widget.missing.narratives).toBe("No one who does this work has described it here yet.");
  });
});

describe("roleToMarkdown", () => {
  const url = "https://careerwiki.example/roles/test-widget-engineers";

  it("renders every section with its figures and a sources block", () => {
    const markdown = roleToMarkdown(pages.widget, { url });
    for (const heading of ["# Test Widget Engineers", "## Overview", "## Key responsibilities", "### Core tasks", "### Supplemental tasks", "## Inside this career", "## Pay", "## Outlook", "## Education and training", "## AI exposure", "## Skills, knowledge and abilities", "## Technology and tools", "## Related careers", "## Sources"]) {
      expect(markdown).toContain(`${heading}\n`);
    }
    expect(markdown).toContain("| 75th | ≥ $239,200 | ≥ $115.00 |");
    expect(markdown).toContain("| Median (50th) | $150,000 | $72.12 |");
    expect(markdown).toContain("Median in May 2023: $140,000 (+7.1% in a year).");
    expect(markdown).toContain("- Bright Outlook: yes");
    expect(markdown).toContain("task overlap, not a forecast of job loss");
    expect(markdown).toContain("- Widget CAD _(hot technology, in demand)_");
    expect(markdown).toContain("[Test Gadget Technicians](https://careerwiki.example/roles/test-gadget-technicians): median $58,240 a year (SOC group 99-1012 figure)");
    expect(markdown).toContain("- **Occupational Employment and Wage Statistics (OEWS)** (May 2024; May 2024): U.S. Bureau of Labor Statistics.");
    expect(markdown).toContain("https://careerwiki.example/contribute/narrative?role=test-widget-engineers");
    expect(markdown).toMatch(/Data as of \d{4}-\d{2}-\d{2}\._\n$/);
  });

  it("says what is missing and where a figure comes from a group", () => {
    const markdown = roleToMarkdown(pages.allOther, { url });
    expect(markdown).toContain("O*NET 29.3 has no task statements for this occupation.");
    expect(markdown).toContain("O*NET 29.3 has no skill, knowledge or ability ratings for this occupation.");
    expect(markdown).toContain("Figure for SOC group 99-1030 (Test Workers Group): BLS publishes no figure for SOC 99-1031 itself");
    expect(markdown).toContain("Figure for SOC group 99-1000 (Test minor occupations)");
    expect(markdown).toContain("has no value for this occupation.");
    expect(roleToMarkdown(pages.sprocket, { url })).toContain("about a related career, Test Gadget Technicians");
  });

  it("escapes Markdown in data text", () => {
    const markdown = roleToMarkdown({ ...pages.widget, title: "A *bold* [link](x)" }, { url });
    expect(markdown.split("\n")[0]).toBe("# A \\*bold\\* \\[link\\](x)");
  });
});

describe("roleJsonLd and compareRoles", () => {
  it("describes the role as a schema.org Occupation with its pay distribution", () => {
    const ld = roleJsonLd(pages.widget, "https://careerwiki.example/roles/test-widget-engineers");
    expect(ld).toMatchObject({
      "@type": "Occupation",
      name: "Test Widget Engineers",
      occupationalCategory: { codeValue: "99-0001.00" },
      educationRequirements: "Bachelor's degree",
      estimatedSalary: [{ currency: "USD", duration: "P1Y", percentile10: 80000, median: 150000 }],
    });
    // Top-coded percentiles have no exact value to state.
    expect((ld.estimatedSalary as Record<string, unknown>[])[0]).not.toHaveProperty("percentile90");
    expect(ld.skills).toContain("Reading Comprehension");
  });

  it("loads the pages to compare in order and reports unknown slugs", async () => {
    const result = await compareRoles(["test-gadget-technicians", "nope", "test-widget-engineers"]);
    expect(result.roles.map((r) => r.slug)).toEqual(["test-gadget-technicians", "test-widget-engineers"]);
    expect(result.unknown).toEqual(["nope"]);
    // Compare's work styles row reads the role view's list: most important first.
    expect(result.roles.map((role) => role.workStyles?.items.map((item) => item.name))).toEqual([["Attention to Detail"], ["Attention to Detail", "Cooperation", "Initiative"]]);
  });
});
