import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeEloundou, writeFeltenAppendix, writeFeltenLanguageModeling, writeMicrosoftApplicability, type EloundouFixtureRow, type FeltenFixtureRow } from "../../../tests/support/fixtures/ai-fixtures";
import { makeFixtureDir, writeSoc2010Crosswalk, type FixtureDir } from "../../../tests/support/fixtures/bls-fixtures";
import { countRows, createTestDatabase, type TestDatabase } from "../../../tests/support/integration/database";
import { ImportReport } from "../import-report";
import { runImport } from "../run-import";
import { eloundouImporter } from "./import-eloundou";
import { aioeImporter, aioeLmImporter } from "./import-felten";
import { msApplicabilityImporter } from "./import-microsoft";
import { NOT_IN_CROSSWALK } from "./map-soc-2010";

const IMPORTERS = [aioeImporter, aioeLmImporter, eloundouImporter, msApplicabilityImporter];
const TABLES = ["DatasetRelease", "AiExposure"];

/**
 * 99-1001 keeps its code; 99-1002 splits into 99-2002 and 99-2003; 99-1003 and 99-1004
 * merge into 99-2004; 99-1005 is not in the crosswalk.
 */
const CROSSWALK = [
  ["99-1001", "Keepers", "99-1001", "Keepers"],
  ["99-1002", "Splitters (#)", "99-2002", "Split Part One"],
  ["99-1002", "Splitters (#)", "99-2003", "Split Part Two"],
  ["99-1003", "Merger One", "99-2004", "Merged (##)"],
  ["99-1004", "Merger Two", "99-2004", "Merged (##)"],
] as const;

const AIOE: FeltenFixtureRow[] = [
  ["99-1001", "Keepers", 1.0],
  ["99-1002", "Splitters", 2.0],
  ["99-1003", "Merger One", 0.5],
  ["99-1004", "Merger Two", 1.5],
  ["99-1005", "Not Crosswalked", -1.0],
];

/** Gamma ties at the top, as 85 occupations do in the real file. */
const ELOUNDOU: EloundouFixtureRow[] = [
  { code: "99-0001.00", title: "Top One", alpha: 0.35, beta: 0.675, gamma: 1 },
  { code: "99-0001.05", title: "Top Two, tied", alpha: 0.5, beta: 0.75, gamma: 1 },
  { code: "99-0002.00", title: "Middle", alpha: 0.1, beta: 0.3, gamma: 0.5 },
  { code: "99-0003.00", title: "Low", alpha: 0, beta: 0.1, gamma: 0.25 },
];

let database: TestDatabase;
let fixture: FixtureDir;

async function importAi(dir: string) {
  return runImport({ databaseUrl: database.url, dir, importers: IMPORTERS, report: new ImportReport(() => {}) });
}

async function exposures(metric: string): Promise<{ code: string; codeSystem: string; value: number; percentile: number; sourceCodes: string[] }[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const result = await client.query(`SELECT "code", "codeSystem", "value", "percentile", "sourceCodes" FROM "AiExposure" WHERE "metric" = $1 ORDER BY "code"`, [metric]);
    return result.rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await makeFixtureDir();
  await writeSoc2010Crosswalk(fixture.dir, CROSSWALK);
  await writeFeltenAppendix(fixture.dir, AIOE);
  await writeFeltenLanguageModeling(fixture.dir, [["99-1001", "Keepers", 0.2], ["99-1003", "Merger One", -0.4]]);
  await writeEloundou(fixture.dir, ELOUNDOU);
  await writeMicrosoftApplicability(fixture.dir, [["99-2002", "Split Part One", 0.2995], ["99-2003", "Split Part Two", 0.1], ["99-2004", "Merged, with a comma", 0.2]]);
});

afterAll(async () => {
  await fixture?.remove();
  await database?.drop();
});

describe("AI-exposure import", () => {
  it("imports the four sources as four releases", async () => {
    const { failed, report } = await importAi(fixture.dir);
    expect(failed).toEqual([]);
    expect(report.outcomes.map((o) => [o.dataset, o.status])).toEqual([
      ["aioe", "imported"],
      ["aioe-lm", "imported"],
      ["eloundou", "imported"],
      ["ms-ai-applicability", "imported"],
    ]);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const releases = (await client.query(`SELECT "dataset", "license", "files" FROM "DatasetRelease" ORDER BY "dataset"`)).rows;
    await client.end();
    expect(releases.map((r) => [r.dataset, r.license])).toEqual([
      ["aioe", expect.stringContaining("cite the paper")],
      ["aioe-lm", expect.stringContaining("cite the paper")],
      ["eloundou", "MIT"],
      ["ms-ai-applicability", "CC BY 4.0"],
    ]);
    expect(releases[0].files.map((f: { name: string }) => f.name)).toEqual(["ai/AIOE_DataAppendix.xlsx", "bls/soc_2010_to_2018_crosswalk.xlsx"]);
  });

  it("maps Felten's SOC 2010 codes to SOC 2018: a split copies the value, a merge takes the mean", async () => {
    // File values: -1, 0.5, 1, 1.5, 2 (99-1005's -1 counts though it maps nowhere).
    expect(await exposures("FELTEN_AIOE")).toEqual([
      { code: "99-1001", codeSystem: "SOC 2018", value: 1, percentile: 60, sourceCodes: [] },
      { code: "99-2002", codeSystem: "SOC 2018", value: 2, percentile: 100, sourceCodes: ["99-1002"] },
      { code: "99-2003", codeSystem: "SOC 2018", value: 2, percentile: 100, sourceCodes: ["99-1002"] },
      // mean(0.5, 1.5) = 1, placed among the file's values: 3 of 5 are at or below it.
      { code: "99-2004", codeSystem: "SOC 2018", value: 1, percentile: 60, sourceCodes: ["99-1003", "99-1004"] },
    ]);
  });

  it("counts the code missing from the crosswalk as skipped", async () => {
    const { report } = await importAi(fixture.dir);
    const aioe = report.tables.find((t) => t.dataset === "aioe")!;
    expect(aioe.skipped.get(NOT_IN_CROSSWALK)).toBe(1);
  });

  it("merges from whichever predecessors the file has (LM AIOE)", async () => {
    expect(await exposures("FELTEN_LM_AIOE")).toEqual([
      { code: "99-1001", codeSystem: "SOC 2018", value: 0.2, percentile: 100, sourceCodes: [] },
      { code: "99-2004", codeSystem: "SOC 2018", value: -0.4, percentile: 50, sourceCodes: ["99-1003"] },
    ]);
  });

  it("gives tied Eloundou values the same percentile, 100 at the top", async () => {
    const gamma = await exposures("ELOUNDOU_GAMMA");
    expect(gamma.map((g) => [g.code, g.codeSystem, g.value, g.percentile])).toEqual([
      ["99-0001.00", "O*NET-SOC 2019", 1, 100],
      ["99-0001.05", "O*NET-SOC 2019", 1, 100],
      ["99-0002.00", "O*NET-SOC 2019", 0.5, 50],
      ["99-0003.00", "O*NET-SOC 2019", 0.25, 25],
    ]);
    expect((await exposures("ELOUNDOU_ALPHA")).map((a) => a.percentile)).toEqual([75, 100, 50, 25]);
    expect(await exposures("ELOUNDOU_BETA")).toHaveLength(4);
  });

  it("stores Microsoft's score by SOC 2018 code", async () => {
    expect((await exposures("MS_APPLICABILITY")).map((m) => [m.code, m.value, Math.round(m.percentile * 100) / 100])).toEqual([
      ["99-2002", 0.2995, 100],
      ["99-2003", 0.1, 33.33],
      ["99-2004", 0.2, 66.67],
    ]);
  });

  it("changes nothing when the same files are imported again", async () => {
    const { report, failed } = await importAi(fixture.dir);
    expect(failed).toEqual([]);
    expect(report.rowsChanged).toBe(0);
  });

  it("rejects a malformed row naming file, line and column, and leaves that dataset unchanged", async () => {
    const before = await countRows(database.url, TABLES);
    const broken = await makeFixtureDir();
    try {
      await writeSoc2010Crosswalk(broken.dir, CROSSWALK);
      await writeFeltenAppendix(broken.dir, AIOE.map((row) => (row[0] === "99-1004" ? (["99-104", row[1], row[2]] as const) : row)));
      await writeEloundou(broken.dir, ELOUNDOU.map((row) => (row.code === "99-0002.00" ? { ...row, gamma: 1.5 } : row)));
      const { failed, report } = await importAi(broken.dir);
      expect(failed.map((e) => [e.file, e.line, e.column])).toEqual([
        ["ai/AIOE_DataAppendix.xlsx [Appendix A]", 5, "SOC Code"],
        ["ai/occ_level.csv", 4, "dv_rating_gamma"],
      ]);
      expect(failed[1]!.reason).toContain("from 0 to 1");
      // The files missing from this folder are skipped, not emptied.
      expect(report.outcomes.filter((o) => o.status === "skipped").map((o) => o.dataset)).toEqual(["aioe-lm", "ms-ai-applicability"]);
    } finally {
      await broken.remove();
    }
    expect(await countRows(database.url, TABLES)).toEqual(before);
    expect((await exposures("ELOUNDOU_GAMMA"))[2]!.value).toBe(0.5);
  });
});
