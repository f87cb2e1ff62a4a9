import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RoleArticle } from "@/components/role/role-article";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { oewsRow, writeOewsFile, writeOewsStateCsv } from "../../tests/support/fixtures/bls-fixtures";
import { ROLE_FIXTURE_SLUGS, writeRoleDatasets } from "../../tests/support/fixtures/role-fixtures";
import { useTestDatabase } from "../../tests/support/integration/use-test-database";
import { getRolePage } from "./get-role-page";
import type { RolePage } from "./role-page.types";
import { roleToMarkdown } from "./role-to-markdown";

const database = useTestDatabase();
let dir: string;
const pages = {} as Record<"widget" | "gadget" | "allOther", RolePage>;

const state = (area: string, title: string, postal: string) => ({ AREA: area, AREA_TITLE: title, AREA_TYPE: "2", PRIM_STATE: postal });
const CA = state("06", "California", "CA");
const TX = state("48", "Texas", "TX");
const WY = state("56", "Wyoming", "WY");
/** Metro areas as BLS's MSA_M2024_dl.xlsx has them: a five-digit MSA code, AREA_TYPE 4, the primary state. */
const metro = (area: string, title: string, postal: string) => ({ AREA: area, AREA_TITLE: title, AREA_TYPE: "4", PRIM_STATE: postal });
const SAN_JOSE = metro("41940", "San Jose-Sunnyvale-Santa Clara, CA", "CA");
const FRESNO = metro("23420", "Fresno, CA", "CA");
const CHEYENNE = metro("16940", "Cheyenne, WY", "WY");

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "careerwiki-state-wages-"));
  await writeRoleDatasets(dir);
  await writeOewsStateCsv(dir, 2024, [
    // Widget engineers (99-1011, own code): three states, one with empty cells; Texas publishes no row at all.
    oewsRow({ ...CA, OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: 85270, JOBS_1000: 4.763, LOC_QUOTIENT: 1.62, A_PCT10: 60000, A_MEDIAN: 128750, A_PCT90: 200000 }),
    oewsRow({ ...WY, OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: null, JOBS_1000: null, LOC_QUOTIENT: null, A_MEDIAN: null, A_PCT90: null }),
    oewsRow({ ...TX, OCC_CODE: "99-1012", OCC_TITLE: "Test Gadget and Sprocket Workers", TOT_EMP: 700, A_MEDIAN: 47000 }),
    // All Other Test Workers (99-1031): no row of its own in California, its broad group stands in; Texas has its own.
    oewsRow({ ...CA, OCC_CODE: "99-1030", OCC_TITLE: "Test Workers Group", O_GROUP: "broad", TOT_EMP: 4000, A_MEDIAN: 51000 }),
    oewsRow({ ...TX, OCC_CODE: "99-1031", OCC_TITLE: "Test Workers, All Other", TOT_EMP: 300, A_MEDIAN: 43000 }),
  ]);
  await writeOewsFile(dir, {
    year: 2024,
    scope: "MSA",
    rows: [
      oewsRow({ ...SAN_JOSE, OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: 12340, JOBS_1000: 10.5, LOC_QUOTIENT: 3.6, A_PCT10: 90000, A_MEDIAN: 170000, A_PCT90: "#" }),
      oewsRow({ ...FRESNO, OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: "**", JOBS_1000: "**", LOC_QUOTIENT: "**", A_MEDIAN: "*" }),
      oewsRow({ ...CHEYENNE, OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: 40, A_MEDIAN: 81000 }),
      // All Other Test Workers: no own row in San Jose, its broad group stands in.
      oewsRow({ ...SAN_JOSE, OCC_CODE: "99-1030", OCC_TITLE: "Test Workers Group", O_GROUP: "broad", TOT_EMP: 900, A_MEDIAN: 61000 }),
    ],
  });
  const { failed } = await runImport({ databaseUrl: database.url, dir, report: new ImportReport(() => {}) });
  expect(failed).toEqual([]);
  for (const key of ["widget", "gadget", "allOther"] as const) {
    const page = await getRolePage(ROLE_FIXTURE_SLUGS[key]);
    if (!page) throw new Error(`no page for ${key}`);
    pages[key] = page;
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("role view: pay by state", () => {
  it("lists each state's figures, highest median first, empty cells as null (never zero)", () => {
    const stateWages = pages.widget.stateWages!;
    expect(stateWages.source).toMatchObject({ dataset: "oews", referencePeriod: "May 2024" });
    expect(stateWages.states).toEqual([
      {
        areaCode: "06", state: "CA", name: "California", basis: { kind: "own", socCode: "99-1011", socTitle: "Test Widget Engineers" },
        employment: 85270, jobsPer1000: 4.763, locationQuotient: 1.62, annualP10: 60000, annualMedian: 128750, annualP90: 200000, hourlyMedian: 28, topCoded: [],
      },
      {
        areaCode: "56", state: "WY", name: "Wyoming", basis: { kind: "own", socCode: "99-1011", socTitle: "Test Widget Engineers" },
        employment: null, jobsPer1000: null, locationQuotient: null, annualP10: 31200, annualMedian: null, annualP90: null, hourlyMedian: 28, topCoded: [],
      },
    ]);
  });

  it("lists metro areas from BLS's MSA file, highest median first, with their primary state; *, ** and # are null, # named", () => {
    expect(pages.widget.stateWages!.metros).toEqual([
      {
        areaCode: "41940", state: "CA", name: "San Jose-Sunnyvale-Santa Clara, CA", basis: { kind: "own", socCode: "99-1011", socTitle: "Test Widget Engineers" },
        employment: 12340, jobsPer1000: 10.5, locationQuotient: 3.6, annualP10: 90000, annualMedian: 170000, annualP90: null, hourlyMedian: 28, topCoded: ["A_PCT90"],
      },
      {
        areaCode: "16940", state: "WY", name: "Cheyenne, WY", basis: { kind: "own", socCode: "99-1011", socTitle: "Test Widget Engineers" },
        employment: 40, jobsPer1000: null, locationQuotient: null, annualP10: 31200, annualMedian: 81000, annualP90: 104000, hourlyMedian: 28, topCoded: [],
      },
      {
        areaCode: "23420", state: "CA", name: "Fresno, CA", basis: { kind: "own", socCode: "99-1011", socTitle: "Test Widget Engineers" },
        employment: null, jobsPer1000: null, locationQuotient: null, annualP10: 31200, annualMedian: null, annualP90: 104000, hourlyMedian: 28, topCoded: [],
      },
    ]);
    // The SOC-group rule, metro by metro; a role with no metro row has none.
    expect(pages.allOther.stateWages!.metros.map((m) => [m.name, m.annualMedian, m.basis.kind, m.basis.socCode])).toEqual([["San Jose-Sunnyvale-Santa Clara, CA", 61000, "group", "99-1030"]]);
    expect(pages.gadget.stateWages!.metros).toEqual([]);
  });

  it("applies the SOC-group rule state by state: own code, shared code, else the smallest published group", () => {
    expect(pages.gadget.stateWages!.states.map((s) => [s.state, s.basis])).toEqual([
      ["TX", { kind: "shared", socCode: "99-1012", socTitle: "Test Gadget and Sprocket Workers", occupationCount: 2 }],
    ]);
    expect(pages.allOther.stateWages!.states.map((s) => [s.state, s.annualMedian, s.basis.kind, s.basis.socCode])).toEqual([
      ["CA", 51000, "group", "99-1030"],
      ["TX", 43000, "own", "99-1031"],
    ]);
  });

  it("carries the table into the Markdown export, saying 'not published' and what each figure stands for", () => {
    const markdown = roleToMarkdown(pages.widget, { url: "https://careerwiki.test/roles/x" });
    expect(markdown).toContain("### Pay by state");
    expect(markdown).toContain("| California (CA) | $128,750 | $60,000 – $200,000 | 85,270 | 4.76 | 1.62 | SOC 99-1011 |");
    expect(markdown).toContain("| Wyoming (WY) | not published | $31,200 – not published | not published | not published | not published | SOC 99-1011 |");
    expect(markdown).toContain("Each state's figures are for SOC 99-1011 (Test Widget Engineers), as the national figures are.");
    const allOther = roleToMarkdown(pages.allOther, { url: "https://careerwiki.test/roles/y" });
    expect(allOther).toContain("smallest published SOC group that contains it (named in each row)");
    expect(allOther).toContain("| California (CA) | $51,000 |");
    expect(allOther).toContain("| SOC group 99-1030 |");
    expect(markdown).toContain("### Pay by metro area");
    expect(markdown).toContain("| San Jose-Sunnyvale-Santa Clara, CA | $170,000 | $90,000 – ≥ $239,200 | 12,340 | 10.50 | 3.60 | SOC 99-1011 |");
    expect(markdown).toContain("| Fresno, CA | not published | $31,200 – $104,000 | not published | not published | not published | SOC 99-1011 |");
    expect(markdown).toContain("Each metro area's figures are for SOC 99-1011 (Test Widget Engineers), as the national figures are.");
    expect(roleToMarkdown(pages.gadget, { url: "https://careerwiki.test/roles/z" })).not.toContain("Pay by metro area");
  });

  it("shows the table on the page folded inside the Pay section, a #pay-XX anchor per state, and the chooser", () => {
    const html = renderToStaticMarkup(createElement(RoleArticle, { page: pages.widget, url: "https://careerwiki.test/roles/x" }));
    const pay = html.slice(html.indexOf('id="pay"'), html.indexOf('id="outlook"'));
    expect(pay).toContain("Pay by state");
    expect(pay).toMatch(/<details class="state-pay"><summary>Pay in 2 states, highest median first<\/summary>/);
    // Every row is a figure for the same SOC code, named once above the table: no "Figure for" column.
    expect(pay).toContain('<tr id="pay-CA" data-pay-state="CA"><th scope="row"><a href="#pay-CA">California</a></th><td>$128,750</td><td>$60,000 – $200,000</td><td>85,270</td><td>4.76</td><td>1.62</td></tr>');
    expect(pay).not.toContain('<th scope="col">Figure for</th>');
    expect(pay).toContain("<td>not published</td>");
    expect(pay.indexOf("pay-CA")).toBeLessThan(pay.indexOf("pay-WY"));
    expect(pay).toContain('<option value="WY">Wyoming</option>');
    const metros = pay.slice(pay.indexOf('id="pay-by-metro"'));
    expect(metros).toMatch(/<summary>Pay in 3 metro areas, highest median first<\/summary>/);
    expect(metros).toContain('<tr id="pay-metro-41940" data-metro-state="CA"><th scope="row">San Jose-Sunnyvale-Santa Clara, CA</th><td>$170,000</td>');
    expect(metros).toContain("listed under its primary state");
  });

  it("names what each row is a figure for, in a column, when the rows differ (own code in one state, a SOC group in another)", () => {
    const html = renderToStaticMarkup(createElement(RoleArticle, { page: pages.allOther, url: "https://careerwiki.test/roles/y" }));
    const states = html.slice(html.indexOf('class="state-pay"'), html.indexOf("</details>", html.indexOf('class="state-pay"')));
    expect(states).toContain('<th scope="col">Figure for</th>');
    expect(states).toMatch(/<tr id="pay-CA"[^]*?<td>SOC group 99-1030<\/td><\/tr>/);
    expect(states).toMatch(/<tr id="pay-TX"[^]*?<td>SOC 99-1031<\/td><\/tr>/);
  });
});
