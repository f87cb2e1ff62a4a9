// The importer against corrupted files: every corruption of tests/support/integration/corrupt-files.ts
// applied to the fixture files of every dataset, under a fixed list of seeds. Each case
// must end as a refusal that names the file and line (the database exactly as before), or,
// for a corruption that leaves the data as they were (a BOM, CRLF line ends, a cell the
// importer does not read, a repeated record it skips and reports), with no stored row
// changed. A failing case prints its seed: CORRUPT_SEEDS=<seed> reruns just that seed.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatasetFileError } from "./dataset-error";
import { ImportReport } from "./import-report";
import { runImport } from "./run-import";
import { CORRUPTIONS, caseSeed, fileFormat, seededRandom, type Corruption } from "@/tests/support/integration/corrupt-files";
import { createTestDatabase, type TestDatabase } from "@/tests/support/integration/database";
import { writeRoleDatasets } from "@/tests/support/fixtures/role-fixtures";
import { oewsRow, writeOewsFile, writeOewsStateCsv } from "@/tests/support/fixtures/bls-fixtures";

const SEEDS = process.env.CORRUPT_SEEDS ? process.env.CORRUPT_SEEDS.split(",").map(Number) : [1, 2, 3];

/** The files each dataset reads (paths under the data folder, as the fixtures write them). */
const DATASET_FILES: Record<string, readonly string[]> = {
  "onet-soc-crosswalk": ["bls/2019_to_SOC_Crosswalk.csv"],
  onet: [
    "Occupation Data.txt", "Job Zones.txt", "Job Zone Reference.txt", "Task Statements.txt", "Task Ratings.txt", "Skills.txt", "Knowledge.txt",
    "Abilities.txt", "Work Activities.txt", "Interests.txt", "Technology Skills.txt", "Tools Used.txt", "Alternate Titles.txt",
    "Sample of Reported Titles.txt", "Related Occupations.txt", "Education, Training, and Experience.txt", "Education, Training, and Experience Categories.txt",
    "Work Styles.txt", "Work Values.txt", "Work Context.txt", "Work Context Categories.txt", "Content Model Reference.txt",
  ].map((file) => `onet/${file}`),
  oews: ["bls/national_M2024_dl.xlsx", "bls/national_M2023_dl.xlsx", "bls/oews_state_M2024.csv", "bls/MSA_M2024_dl.xlsx"],
  projections: ["bls/occupation.xlsx"],
  aioe: ["ai/AIOE_DataAppendix.xlsx", "bls/soc_2010_to_2018_crosswalk.xlsx"],
  "aioe-lm": ["ai/Language Modeling AIOE and AIIE.xlsx"],
  eloundou: ["ai/occ_level.csv"],
  "ms-ai-applicability": ["ai/soc_ai_applicability_scores.csv"],
  "career-videos": ["videos/career-videos.json"],
  "nces-costs": ["costs/tabn330.10.xls"],
  "onet-interest-profiler": ["Interests Illustrative Activities.txt", "RIASEC Keywords.txt", "Basic Interests to RIASEC.txt", "Content Model Reference.txt"].map((file) => `onet-30.1/${file}`),
};

type Outcome = "refused" | "unchanged" | "skipped and reported";
const tally = { tried: 0, refused: 0, unchanged: 0, skippedAndReported: 0 };

let fixtureDir: string;
let template: TestDatabase;
let templateName: string;
const baselineSkipped = new Map<string, number>();
let templateSnapshot: Snapshot;

beforeAll(async () => {
  fixtureDir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-corrupt-"));
  await writeRoleDatasets(path.join(fixtureDir, "clean"));
  await writeAreaFiles(path.join(fixtureDir, "clean"));
  template = await createTestDatabase();
  templateName = new URL(template.url).pathname.slice(1);
  const { failed, report } = await runImport({ databaseUrl: template.url, dir: path.join(fixtureDir, "clean"), report: new ImportReport(() => {}) });
  if (failed.length > 0) throw new Error(`the clean fixture import failed: ${failed.map((error) => error.message).join("; ")}`);
  for (const dataset of Object.keys(DATASET_FILES)) baselineSkipped.set(dataset, skippedRows(report, dataset));
  templateSnapshot = await snapshot(template.url);
});

afterAll(async () => {
  console.log(
    `importer fuzz: ${tally.tried} corrupted files tried, ${tally.refused} refused with file+line, ${tally.unchanged} accepted with nothing changed (BOM, CRLF, unread cells), ${tally.skippedAndReported} duplicates skipped and reported, 0 partial writes`,
  );
  await template?.drop();
  if (fixtureDir) await rm(fixtureDir, { recursive: true, force: true });
});

describe.each(Object.entries(DATASET_FILES))("importing corrupted %s files", (dataset, files) => {
  const corruptions = CORRUPTIONS.filter((corruption) => files.some((file) => corruption.formats.includes(fileFormat(file))));
  // One copy of the imported template per dataset: a refused import leaves it as it was
  // (which each case checks), so only an accepted one needs a fresh copy.
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(templateName);
  });
  afterAll(() => database?.drop());

  it.each(corruptions.map((corruption) => [corruption.kind, corruption] as const))("%s: refused with file and line, or nothing changed", async (_kind, corruption) => {
    for (const seed of SEEDS) {
      const outcome = await tryCase(database.url, dataset, files, corruption, seed);
      if (outcome === null) continue;
      tally.tried++;
      if (outcome === "refused") tally.refused++;
      else {
        if (outcome === "unchanged") tally.unchanged++;
        else tally.skippedAndReported++;
        // An accepted import rewrote the release's file checksums: start the next case afresh.
        await database.drop();
        database = await createTestDatabase(templateName);
      }
    }
  });
});

/** OEWS by state (the CSV layout on hand) and by metro area (BLS's MSA workbook), which the role fixtures leave out. */
async function writeAreaFiles(dir: string) {
  const area = (AREA: string, AREA_TITLE: string, AREA_TYPE: string, PRIM_STATE: string) => ({ AREA, AREA_TITLE, AREA_TYPE, PRIM_STATE });
  await writeOewsStateCsv(dir, 2024, [
    oewsRow({ ...area("06", "California", "2", "CA"), OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: 85270, JOBS_1000: 4.763, LOC_QUOTIENT: 1.62 }),
    oewsRow({ ...area("56", "Wyoming", "2", "WY"), OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: null, A_MEDIAN: null }),
    oewsRow({ ...area("48", "Texas", "2", "TX"), OCC_CODE: "99-1030", OCC_TITLE: "Test Workers, Group", O_GROUP: "broad", TOT_EMP: 300 }),
  ]);
  await writeOewsFile(dir, {
    year: 2024,
    scope: "MSA",
    rows: [
      oewsRow({ ...area("41940", "San Jose-Sunnyvale-Santa Clara, CA", "4", "CA"), OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: 12340, JOBS_1000: 10.5, LOC_QUOTIENT: 3.6, A_PCT90: "#" }),
      oewsRow({ ...area("16940", "Cheyenne, WY", "4", "WY"), OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: "**", A_MEDIAN: "*" }),
    ],
  });
}

async function tryCase(url: string, dataset: string, files: readonly string[], corruption: Corruption, seed: number): Promise<Outcome | null> {
  const random = seededRandom(caseSeed(seed, `${dataset}|${corruption.kind}`));
  const applicable = files.filter((file) => corruption.formats.includes(fileFormat(file)));
  const file = applicable[Math.floor(random() * applicable.length)]!;
  const dir = path.join(fixtureDir, `case-${dataset}-${seed}`);
  await rm(dir, { recursive: true, force: true });
  await cp(path.join(fixtureDir, "clean"), dir, { recursive: true });
  const corrupted = corruption.apply(await readFile(path.join(dir, file)), random, fileFormat(file), file.endsWith(".csv") ? "," : "\t");
  if (corrupted === null) return null;
  await writeFile(path.join(dir, file), corrupted.bytes);
  const where = `seed ${seed}, ${dataset}, ${corruption.kind} in ${file} (${corrupted.detail})`;

  const report = new ImportReport(() => {});
  let failed: DatasetFileError[];
  try {
    ({ failed } = await runImport({ databaseUrl: url, dir, only: [dataset], report }));
  } catch (error) {
    throw new Error(`${where}: the import crashed instead of naming file and line: ${(error as Error).stack}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const after = await snapshot(url);
  const before = templateSnapshot;

  if (failed.length > 0) {
    const error = failed[0]!;
    expect(error.file, `${where}: ${error.message}`).toContain(path.basename(file));
    if (fileFormat(file) !== "sheet" || !["truncated file"].includes(corruption.kind)) {
      expect(error.line, `${where}: names no line: ${error.message}`).not.toBeNull();
    }
    if (corrupted.line !== null && fileFormat(file) === "json") {
      // A video entry's errors name the line of its key, a few lines above the field.
      expect(error.line, `${where}: ${error.message}`).toBeGreaterThanOrEqual(corrupted.line - 6);
      expect(error.line, `${where}: ${error.message}`).toBeLessThanOrEqual(corrupted.line);
    } else if (corrupted.line !== null) {
      expect(error.line, `${where}: ${error.message}`).toBe(corrupted.line);
    }
    expect(after, `${where}: refused, but the database changed (${error.message})`).toEqual(before);
    return "refused";
  }
  expect(corruption.harmless || corruption.duplicate || corrupted.line !== null || fileFormat(file) === "sheet", `${where}: accepted`).toBe(true);
  expect(withoutReleases(after), `${where}: accepted, and stored rows changed`).toEqual(withoutReleases(before));
  if (corruption.duplicate) {
    expect(skippedRows(report, dataset), `${where}: the repeated record was dropped without a word in the report`).toBeGreaterThan(baselineSkipped.get(dataset)!);
    return "skipped and reported";
  }
  return "unchanged";
}

function skippedRows(report: ImportReport, dataset: string): number {
  return report.tables.filter((table) => table.dataset === dataset).reduce((sum, table) => sum + [...table.skipped.values()].reduce((a, b) => a + b, 0), 0);
}

type Snapshot = Record<string, { rows: number; checksum: string }>;

/** Row count and an md5 of the sorted rows of every table (one query): proof that nothing was written. */
async function snapshot(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    );
    const parts = tables.rows.map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS rows, coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS checksum FROM "${name}" t`);
    const result = await client.query<{ name: string; rows: number; checksum: string }>(parts.join(" UNION ALL "));
    return Object.fromEntries(result.rows.map(({ name, rows, checksum }) => [name, { rows, checksum }]));
  } finally {
    await client.end();
  }
}

/** An accepted import rewrites DatasetRelease (file checksums, importedAt); its count must still hold. */
function withoutReleases(state: Snapshot): Snapshot {
  const { DatasetRelease: releases, ...rest } = state;
  return { ...rest, DatasetRelease: { rows: releases?.rows ?? 0, checksum: "" } };
}
