import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { appendFixtureOccupations, FIXTURE_CODES, type ExtraFixtureOccupation } from "../fixtures/onet-fixtures";
import { oewsRow, writeOewsFile, writeOewsStateCsv } from "../fixtures/bls-fixtures";
import { writeRoleDatasets } from "../fixtures/role-fixtures";
import { COMMUNITY_FIXTURES } from "./community-fixtures";
import { appendSearchTitles } from "../fixtures/search-fixtures";
import { appendInterestScores } from "../fixtures/discovery-fixtures";
import { XSS_OCCUPATION } from "./security-fixtures";
import { createMigratedDatabase } from "../test-server";

/** e2e/contributor/list-item-correction.spec.ts's page: 85 technology skills. */
export const LIST_FIXTURE = {
  code: "99-0701.00",
  title: "Test List Keepers",
  slug: "test-list-keepers",
  description: "Keep long lists of tools for the test suite.",
  technologySkills: Array.from({ length: 85 }, (_, index) => `List Tool ${String(index + 1).padStart(2, "0")}`),
} as const;

/** e2e/reader/report-correction.spec.ts's page: two technology skills, one added by a contributor and reported. */
export const REPORT_CORRECTION_FIXTURE = {
  code: "99-0702.00",
  title: "Test Bell Founders",
  slug: "test-bell-founders",
  description: "Cast bells for the test suite.",
  technologySkills: ["Bell Furnace Console", "Clapper Gauge"],
} as const;

/**
 * Pages of their own for e2e suites that write to pages (approvals, reports, payloads), so
 * that no other spec sees their changes. One entry per suite, codes 99-0N01.00 upward in the
 * suite's own range. They carry no BLS or AI figures, so only the occupation count changes.
 */
export const E2E_EXTRA_OCCUPATIONS: readonly ExtraFixtureOccupation[] = [
  // e2e/reader/multi-instance.spec.ts
  { code: "99-0601.00", title: "Test Cache Couriers", description: "Carry cached pages between test instances." },
  // e2e/security/stored-xss.spec.ts: an official value for every field a correction can change
  // (job zone 5, which no browse filter of the reader specs selects).
  {
    code: XSS_OCCUPATION.code,
    title: XSS_OCCUPATION.title,
    description: "Handle test payloads for the security suite.",
    jobZone: 5,
    alternateTitles: ["Payload Handler"],
    technologySkills: ["Payload Console"],
    relatedCodes: [FIXTURE_CODES.allOther],
  },
  // e2e/contributor/list-item-correction.spec.ts: a long technology list (as real occupations have), corrected item by item.
  LIST_FIXTURE,
  REPORT_CORRECTION_FIXTURE,
  // e2e/moderator/conflicts-rollback-reports.spec.ts, e2e/contributor/resubmit-after-changes.spec.ts
  ...Object.values(COMMUNITY_FIXTURES).map(({ code, title, description }) => ({
    code,
    title,
    description,
    tasks: [`Keep the ${title.toLowerCase().replace(/^test /, "")}' log.`],
  })),
];

/** How many occupations the e2e database holds (home page and browse counts). */
export const E2E_OCCUPATION_COUNT = Object.keys(FIXTURE_CODES).length + E2E_EXTRA_OCCUPATIONS.length;

/**
 * The data folder the end-to-end suite imports: the synthetic fixtures of every dataset
 * (O*NET, crosswalks, OEWS, projections, AI exposure, videos, costs), in their published
 * formats, written into `dir`. Deterministic: the four occupations of role-fixtures.ts and
 * E2E_EXTRA_OCCUPATIONS.
 */
export async function writeE2eDatasets(dir: string) {
  await writeRoleDatasets(dir);
  // Search: an alternate title containing "sprocket" (gadget) and one equal to a title (all other).
  await appendSearchTitles(dir);
  await appendFixtureOccupations(dir, E2E_EXTRA_OCCUPATIONS);
  // Interests (e2e/reader/interests.spec.ts): full O*NET interest scores (the profiler's files come with the role datasets).
  await appendInterestScores(dir, [FIXTURE_CODES.widget, FIXTURE_CODES.gadget, FIXTURE_CODES.sprocket]);
  // Pay by state (e2e/reader/state-pay.spec.ts): the state CSV's layout, one state with empty cells, one group fallback.
  await writeOewsStateCsv(dir, 2024, E2E_STATE_WAGES);
  // Pay by metro area: BLS's MSA workbook layout, one metro in California and one in Wyoming.
  await writeOewsFile(dir, { year: 2024, scope: "MSA", rows: E2E_METRO_WAGES });
}

const stateArea = (AREA: string, AREA_TITLE: string, PRIM_STATE: string) => ({ AREA, AREA_TITLE, AREA_TYPE: "2", PRIM_STATE });

export const E2E_STATE_WAGES = [
  oewsRow({ ...stateArea("06", "California", "CA"), OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: 85270, JOBS_1000: 4.722, LOC_QUOTIENT: 1.66, A_PCT10: 55640, A_MEDIAN: 128750, A_PCT90: 213440 }),
  oewsRow({ ...stateArea("48", "Texas", "TX"), OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: 31000, JOBS_1000: 2.3, LOC_QUOTIENT: 0.8, A_MEDIAN: 112000 }),
  oewsRow({ ...stateArea("56", "Wyoming", "WY"), OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: null, JOBS_1000: null, LOC_QUOTIENT: null, A_MEDIAN: null }),
  oewsRow({ ...stateArea("06", "California", "CA"), OCC_CODE: "99-1030", OCC_TITLE: "Test Workers Group", O_GROUP: "broad", TOT_EMP: 4000, A_MEDIAN: 51000 }),
];

const metroArea = (AREA: string, AREA_TITLE: string, PRIM_STATE: string) => ({ AREA, AREA_TITLE, AREA_TYPE: "4", PRIM_STATE });

export const E2E_METRO_WAGES = [
  oewsRow({ ...metroArea("41940", "San Jose-Sunnyvale-Santa Clara, CA", "CA"), OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: 12340, JOBS_1000: 10.5, LOC_QUOTIENT: 3.6, A_MEDIAN: 170000, A_PCT90: "#" }),
  oewsRow({ ...metroArea("16940", "Cheyenne, WY", "WY"), OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: 40, A_MEDIAN: 81000 }),
];

/** (Re)creates `database` on the server of `adminUrl`, migrated, with the e2e fixture datasets imported; returns its URL. */
export async function createE2eDatabase(adminUrl: string, database: string): Promise<string> {
  const databaseUrl = await createMigratedDatabase(adminUrl, database);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-e2e-data-"));
  try {
    await writeE2eDatasets(dataDir);
    const { failed } = await runImport({ databaseUrl, dir: dataDir, report: new ImportReport(() => {}) });
    if (failed.length > 0) throw new Error(`fixture import failed: ${failed.map((e) => e.message).join("; ")}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return databaseUrl;
}
