import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countRows, createTestDatabase, type TestDatabase } from "../../../tests/support/integration/database";
import { FIXTURE_CODES, replaceCell, writeNextOnetRelease, writeOnetFixtures, type OnetFixture } from "../../../tests/support/fixtures/onet-fixtures";
import { DatasetFileError } from "../dataset-error";
import { ImportReport } from "../import-report";
import { runImport, type RunImportResult } from "../run-import";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { queryRows } from "../../../tests/support/query-rows";

const { widget, gadget, sprocket } = FIXTURE_CODES;

const OFFICIAL_TABLES = [
  "DatasetRelease",
  "OnetOccupation",
  "JobZoneReference",
  "Task",
  "Rating",
  "AlternateTitle",
  "TechnologySkill",
  "ToolUsed",
  "RelatedOccupation",
  "OnetSuccessor",
  "EducationDistribution",
  "Occupation",
  "SlugRedirect",
] as const;

function importOnet(databaseUrl: string, dir: string): Promise<RunImportResult> {
  return runImport({ databaseUrl, dir, only: ["onet"], report: new ImportReport(() => {}) });
}


function skippedIn(report: ImportReport, table: string): Record<string, number> {
  return Object.fromEntries(report.tables.find((t) => t.table === table)?.skipped ?? []);
}

describe("O*NET import of the synthetic fixture", () => {
  let database: TestDatabase;
  let fixture: OnetFixture;
  let first: RunImportResult;
  const brokenFixtures: OnetFixture[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    fixture = await writeOnetFixtures();
    first = await importOnet(database.url, fixture.dir);
  });
  afterAll(async () => {
    await Promise.all([fixture, ...brokenFixtures].map((f) => f?.remove()));
    await database?.drop();
  });

  test("imports without errors and records every file it read", async () => {
    expect(first.failed).toEqual([]);
    const [release] = await queryRows<{ version: string; files: { name: string }[] }>(database.url, `SELECT "version", "files" FROM "DatasetRelease" WHERE "dataset" = 'onet'`);
    expect(release?.version).toBe("29.3");
    expect(release?.files.map((f) => f.name).sort()).toEqual(await fixtureFileNames(fixture.dir));
  });

  test("folds IM and LV rows into one rating per element, with suppression and relevance", async () => {
    const ratings = await queryRows(
      database.url,
      `SELECT "occupationCode", "domain", "elementId", "elementName", "importance", "level", "suppressed", "notRelevant"
         FROM "Rating" ORDER BY "occupationCode", "domain", "elementId"`,
    );
    expect(ratings).toEqual([
      { occupationCode: widget, domain: "SKILL", elementId: "2.A.1.a", elementName: "Reading Comprehension", importance: 4.12, level: 4.62, suppressed: false, notRelevant: false },
      { occupationCode: widget, domain: "SKILL", elementId: "2.A.1.b", elementName: "Active Listening", importance: 3.5, level: 3.88, suppressed: true, notRelevant: false },
      { occupationCode: widget, domain: "SKILL", elementId: "2.B.3.e", elementName: "Programming", importance: 1, level: 0, suppressed: false, notRelevant: true },
      { occupationCode: widget, domain: "KNOWLEDGE", elementId: "2.C.1.a", elementName: "Administration and Management", importance: 4.78, level: 6.5, suppressed: true, notRelevant: false },
      { occupationCode: widget, domain: "ABILITY", elementId: "1.A.1.a.1", elementName: "Oral Comprehension", importance: 4, level: 4.25, suppressed: false, notRelevant: false },
      { occupationCode: widget, domain: "WORK_ACTIVITY", elementId: "4.A.1.a.1", elementName: "Getting Information", importance: 4.5, level: 5.1, suppressed: false, notRelevant: false },
      { occupationCode: widget, domain: "INTEREST", elementId: "1.B.1.a", elementName: "Realistic", importance: 5.67, level: null, suppressed: false, notRelevant: false },
      { occupationCode: widget, domain: "INTEREST", elementId: "1.B.1.b", elementName: "Investigative", importance: 6.12, level: null, suppressed: false, notRelevant: false },
      { occupationCode: gadget, domain: "SKILL", elementId: "2.A.1.a", elementName: "Reading Comprehension", importance: 3, level: 3.25, suppressed: false, notRelevant: false },
      { occupationCode: gadget, domain: "KNOWLEDGE", elementId: "2.C.3.a", elementName: "Computers and Electronics", importance: 3.1, level: 3.4, suppressed: false, notRelevant: false },
    ]);
    expect(skippedIn(first.report, "Rating")).toEqual({ "onet/Interests.txt rows on scale IH (only OI scores are stored)": 1 });
  });

  test("keeps alternate and reported titles apart, in file order, the repeated title once", async () => {
    const titles = await queryRows(
      database.url,
      `SELECT "occupationCode", "kind", "title", "shortTitle", "sources", "shownInMyNextMove", "position"
         FROM "AlternateTitle" ORDER BY "occupationCode", "kind", "position"`,
    );
    expect(titles).toEqual([
      { occupationCode: widget, kind: "ALTERNATE", title: "Widget Designer", shortTitle: null, sources: "08", shownInMyNextMove: null, position: 1 },
      { occupationCode: widget, kind: "ALTERNATE", title: "Senior Widget Engineer (SWE)", shortTitle: null, sources: "04", shownInMyNextMove: null, position: 2 },
      { occupationCode: widget, kind: "ALTERNATE", title: "Widgeteer", shortTitle: null, sources: "04,06", shownInMyNextMove: null, position: 3 },
      { occupationCode: widget, kind: "REPORTED", title: "Widget Designer", shortTitle: null, sources: null, shownInMyNextMove: true, position: 1 },
      { occupationCode: widget, kind: "REPORTED", title: "Widget Lead", shortTitle: null, sources: null, shownInMyNextMove: false, position: 2 },
      { occupationCode: gadget, kind: "ALTERNATE", title: "Gadget Fixer", shortTitle: null, sources: "10", shownInMyNextMove: null, position: 1 },
      { occupationCode: gadget, kind: "REPORTED", title: "Gadget Technician", shortTitle: null, sources: null, shownInMyNextMove: true, position: 1 },
    ]);
    expect(skippedIn(first.report, "AlternateTitle")).toEqual({ "alternate title repeated for the same occupation (first kept)": 1 });
  });

  test("loads technology skills (the repeated example once) and tools", async () => {
    expect(
      await queryRows(database.url, `SELECT "occupationCode", "example", "commodityCode", "commodityTitle", "hotTechnology", "inDemand" FROM "TechnologySkill" ORDER BY 1, 2`),
    ).toEqual([
      { occupationCode: widget, example: "Spreadsheet Pro", commodityCode: 43232110, commodityTitle: "Spreadsheet software", hotTechnology: false, inDemand: false },
      { occupationCode: widget, example: "Widget CAD", commodityCode: 43232604, commodityTitle: "Computer aided design CAD software", hotTechnology: true, inDemand: true },
      { occupationCode: gadget, example: "Gadget Tracker", commodityCode: 43232306, commodityTitle: "Data base user interface and query software", hotTechnology: true, inDemand: false },
    ]);
    expect(skippedIn(first.report, "TechnologySkill")).toEqual({ "example repeated for the same occupation and commodity (first kept)": 1 });
    expect(await queryRows(database.url, `SELECT "occupationCode", "example", "commodityCode", "commodityTitle" FROM "ToolUsed" ORDER BY 1`)).toEqual([
      { occupationCode: widget, example: "Torque wrenches", commodityCode: 27111714, commodityTitle: "Torque wrenches" },
      { occupationCode: gadget, example: "Multimeters", commodityCode: 41113815, commodityTitle: "Multimeters" },
    ]);
  });

  test("loads related occupations with their tier and O*NET's order", async () => {
    expect(await queryRows(database.url, `SELECT "occupationCode", "relatedCode", "tier", "position" FROM "RelatedOccupation" ORDER BY 1, 4`)).toEqual([
      { occupationCode: widget, relatedCode: gadget, tier: "Primary-Short", position: 1 },
      { occupationCode: widget, relatedCode: sprocket, tier: "Supplemental", position: 2 },
      { occupationCode: gadget, relatedCode: widget, tier: "Primary-Short", position: 1 },
    ]);
  });

  test("labels education, training and experience categories and skips scales without categories", async () => {
    expect(
      await queryRows(database.url, `SELECT "occupationCode", "scaleId", "category", "categoryLabel", "percent", "suppressed" FROM "EducationDistribution" ORDER BY 1, 2, 3`),
    ).toEqual([
      { occupationCode: widget, scaleId: "OJ", category: 1, categoryLabel: "None or short demonstration", percent: 33.3, suppressed: false },
      { occupationCode: widget, scaleId: "PT", category: 2, categoryLabel: "Up to and including 1 month", percent: 50, suppressed: false },
      { occupationCode: widget, scaleId: "RL", category: 1, categoryLabel: "Less than a High School Diploma", percent: 0, suppressed: false },
      { occupationCode: widget, scaleId: "RL", category: 2, categoryLabel: "High School Diploma - or the equivalent (for example, GED)", percent: 4.46, suppressed: false },
      { occupationCode: widget, scaleId: "RL", category: 6, categoryLabel: "Bachelor's Degree", percent: 95.54, suppressed: true },
      { occupationCode: widget, scaleId: "RW", category: 1, categoryLabel: "None", percent: 20, suppressed: false },
      { occupationCode: gadget, scaleId: "RL", category: 2, categoryLabel: "High School Diploma - or the equivalent (for example, GED)", percent: 100, suppressed: false },
    ]);
    expect(skippedIn(first.report, "EducationDistribution")).toEqual({ "scale IM rows (the Categories file has no categories for it)": 1 });
  });

  test("still loads occupations, job zones and tasks (importance from Task Ratings.txt)", async () => {
    expect(await countRows(database.url, ["OnetOccupation", "Occupation", "JobZoneReference"])).toEqual({ OnetOccupation: 4, Occupation: 4, JobZoneReference: 5 });
    expect(await queryRows(database.url, `SELECT "occupationCode", "taskId", "importance", "position" FROM "Task" ORDER BY 1, 4`)).toEqual([
      { occupationCode: widget, taskId: 90001, importance: 4.5, position: 1 },
      { occupationCode: widget, taskId: 90002, importance: 3.2, position: 2 },
      { occupationCode: gadget, taskId: 90003, importance: null, position: 1 },
      { occupationCode: sprocket, taskId: 90004, importance: null, position: 1 },
    ]);
  });

  test("a second import of the same files changes 0 rows, and says so of the release", async () => {
    const output: string[] = [];
    const second = await runImport({ databaseUrl: database.url, dir: fixture.dir, only: ["onet"], report: new ImportReport((text) => output.push(text)) });
    expect(second.failed).toEqual([]);
    expect(output.filter((text) => text.includes("onet 29.3"))).toEqual(["  onet 29.3: same files as the last import, unchanged\n"]);
    expect(second.report.rowsChanged).toBe(0);
    // The release's files have the same sha256 as when imported: their rows are not read again.
    expect(second.report.tables.filter((t) => t.dataset === "onet")).toEqual([]);
    expect(await countRows(database.url, ["Rating"])).toEqual({ Rating: 10 });
  });

  test("a malformed Data Value fails with file, line and column, and changes nothing", async () => {
    const broken = await writeOnetFixtures();
    brokenFixtures.push(broken);
    await replaceCell(broken.file("Skills.txt"), 3, "Data Value", "high");
    const before = await countRows(database.url, OFFICIAL_TABLES);
    const [releaseBefore] = await queryRows(database.url, `SELECT "files", "importedAt" FROM "DatasetRelease" WHERE "dataset" = 'onet'`);

    const result = await importOnet(database.url, broken.dir);

    expect(result.failed).toHaveLength(1);
    const [error] = result.failed;
    expect(error).toBeInstanceOf(DatasetFileError);
    expect(error).toMatchObject({ file: "onet/Skills.txt", line: 3, column: "Data Value" });
    expect(error?.message).toBe('onet/Skills.txt, line 3, column "Data Value": expected a number (found "high")');
    expect(await countRows(database.url, OFFICIAL_TABLES)).toEqual(before);
    expect(await queryRows(database.url, `SELECT "files", "importedAt" FROM "DatasetRelease" WHERE "dataset" = 'onet'`)).toEqual([releaseBefore]);
  });

  test("an occupation missing from Occupation Data.txt fails naming the file, line and column", async () => {
    const broken = await writeOnetFixtures();
    brokenFixtures.push(broken);
    await replaceCell(broken.file("Related Occupations.txt"), 4, "Related O*NET-SOC Code", "99-9999.00");
    const before = await countRows(database.url, OFFICIAL_TABLES);

    const result = await importOnet(database.url, broken.dir);

    expect(result.failed.map((e) => e.message)).toEqual([
      'onet/Related Occupations.txt, line 4, column "Related O*NET-SOC Code": names 99-9999.00, which is not in Occupation Data.txt',
    ]);
    expect(await countRows(database.url, OFFICIAL_TABLES)).toEqual(before);
  });

  test("O*NET's taxonomy crosswalk is read by column name; a successor missing from Occupation Data.txt or a second crosswalk is refused", async () => {
    const broken = await writeOnetFixtures();
    brokenFixtures.push(broken);
    const header = `"O*NET-SOC 2010 Code","O*NET-SOC 2010 Title","O*NET-SOC 2019 Code","O*NET-SOC 2019 Title"`;
    await writeFile(broken.file("2010_to_2019_Crosswalk.csv"), `${header}\n"${widget}","Widget Engineers","${widget}","Test Widget Engineers"\n"11-1111.00","Old Gadgets, Other","99-9999.00","Nobody"\n`);
    const before = await countRows(database.url, OFFICIAL_TABLES);
    expect((await importOnet(database.url, broken.dir)).failed.map((e) => e.message)).toEqual([
      'onet/2010_to_2019_Crosswalk.csv, line 3, column "O*NET-SOC 2019 Code": names 99-9999.00, which is not in Occupation Data.txt',
    ]);
    await writeFile(broken.file("2010_to_2019_Crosswalk.csv"), `"O*NET-SOC Code","Successor"\n"11-1111.00","${gadget}"\n`);
    expect((await importOnet(database.url, broken.dir)).failed.map((e) => e.message)).toEqual([
      'onet/2010_to_2019_Crosswalk.csv, line 1: needs two code columns of different taxonomy years, as O*NET publishes them ("O*NET-SOC 2010 Code", "O*NET-SOC 2019 Code")',
    ]);
    await writeFile(broken.file("2009_to_2019_Crosswalk.csv"), `${header}\n`);
    expect((await importOnet(database.url, broken.dir)).failed.map((e) => e.message)).toEqual([
      "onet/2010_to_2019_Crosswalk.csv: is a second taxonomy crosswalk beside 2009_to_2019_Crosswalk.csv: keep the one that leads to this release",
    ]);
    expect(await countRows(database.url, OFFICIAL_TABLES)).toEqual(before);
  });
});

describe("O*NET import without the optional files", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  test("imports the rest, lists only the files present, and stores no abilities, work activities or interests", async () => {
    const fixture = await writeOnetFixtures({ optionalFiles: false });
    const result = await importOnet(database.url, fixture.dir);
    const written = await fixtureFileNames(fixture.dir);
    await fixture.remove();

    expect(result.failed).toEqual([]);
    const [release] = await queryRows<{ files: { name: string }[] }>(database.url, `SELECT "files" FROM "DatasetRelease" WHERE "dataset" = 'onet'`);
    expect(release?.files.map((f) => f.name).sort()).toEqual(written);
    expect(await queryRows(database.url, `SELECT "domain", count(*)::int AS "count" FROM "Rating" GROUP BY 1 ORDER BY 1`)).toEqual([
      { domain: "SKILL", count: 4 },
      { domain: "KNOWLEDGE", count: 2 },
    ]);
    expect(await queryRows(database.url, `SELECT count(*)::int AS "count" FROM "Task" WHERE "importance" IS NOT NULL`)).toEqual([{ count: 0 }]);
  });
});

/** The O*NET files a fixture folder holds (its Read Me names the release, it is not data). */
async function fixtureFileNames(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, "onet"))).filter((name) => name !== "Read Me.txt").sort();
}

describe("O*NET re-import of several release folders", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  test("says of each release whose files have not changed that it is unchanged, one line each", async () => {
    const fixture = await writeOnetFixtures();
    try {
      await writeNextOnetRelease(fixture.dir, { folder: "onet-30.0", version: "30.0", released: "August 2025" });
      expect((await importOnet(database.url, fixture.dir)).failed).toEqual([]);
      const output: string[] = [];
      const again = await runImport({ databaseUrl: database.url, dir: fixture.dir, only: ["onet"], report: new ImportReport((text) => output.push(text)) });
      expect(again.report.rowsChanged).toBe(0);
      expect(output.filter((text) => /^ {2}onet \d/.test(text)).sort()).toEqual(["  onet 29.3: same files as the last import, unchanged\n", "  onet 30.0: same files as the last import, unchanged\n"]);
    } finally {
      await fixture.remove();
    }
  });
});
