import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countRows, createTestDatabase, type TestDatabase } from "../../../tests/support/integration/database";
import { FIXTURE_CODES, replaceCell, WORK_STYLES_30_LAYOUT, writeNextOnetRelease, writeOnetFixtures, type OnetFixture } from "../../../tests/support/fixtures/onet-fixtures";
import { queryRows } from "../../../tests/support/query-rows";
import { ImportReport } from "../import-report";
import { runImport, type RunImportResult } from "../run-import";

const { widget, gadget } = FIXTURE_CODES;

function importOnet(databaseUrl: string, dir: string): Promise<RunImportResult> {
  return runImport({ databaseUrl, dir, only: ["onet"], report: new ImportReport(() => {}) });
}

const scores = (url: string, domain: string, version: string) =>
  queryRows(
    url,
    `SELECT s."occupationCode", s."elementId", s."scale", s."value", s."distinctiveness", s."topCategory", s."topCategoryLabel", s."topCategoryPercent", s."suppressed"
       FROM "WorkProfileScore" s JOIN "DatasetRelease" r ON r."id" = s."releaseId"
      WHERE s."domain" = $1 AND r."version" = $2 ORDER BY 1, 2`,
    [domain, version],
  );

/** Writes the 30.x Work Styles layout (CRLF, as O*NET ships 30.x) into a release folder. */
async function writeWorkStyles30(folder: string, rows: readonly (string | number)[][] = WORK_STYLES_30_LAYOUT.rows) {
  await writeFile(path.join(folder, "Work Styles.txt"), [WORK_STYLES_30_LAYOUT.header, ...rows].map((cells) => cells.join("\t")).join("\r\n") + "\r\n");
}

describe("Work Styles, Work Values and Work Context import", () => {
  let database: TestDatabase;
  let fixture: OnetFixture;
  let first: RunImportResult;

  beforeAll(async () => {
    database = await createTestDatabase();
    fixture = await writeOnetFixtures();
    await writeNextOnetRelease(fixture.dir, {
      folder: "onet-30.1",
      version: "30.1",
      released: "December 2025",
      omit: ["Work Values.txt", "Work Context.txt", "Work Context Categories.txt"],
      edit: { "Content Model Reference.txt": (rows) => [...rows, ...WORK_STYLES_30_LAYOUT.contentModel] },
    });
    await writeWorkStyles30(path.join(fixture.dir, "onet-30.1"));
    first = await importOnet(database.url, fixture.dir);
  });
  afterAll(async () => {
    await fixture?.remove();
    await database?.drop();
  });

  test("the 29.x Work Styles layout: IM importance with O*NET's suppression flag", async () => {
    expect(first.failed).toEqual([]);
    expect(await scores(database.url, "WORK_STYLE", "29.3")).toEqual([
      { occupationCode: widget, elementId: "1.C.1.c", scale: "IM", value: 3.9, distinctiveness: null, topCategory: null, topCategoryLabel: null, topCategoryPercent: null, suppressed: false },
      { occupationCode: widget, elementId: "1.C.3.a", scale: "IM", value: 4.1, distinctiveness: null, topCategory: null, topCategoryLabel: null, topCategoryPercent: null, suppressed: true },
      { occupationCode: widget, elementId: "1.C.5.b", scale: "IM", value: 4.8, distinctiveness: null, topCategory: null, topCategoryLabel: null, topCategoryPercent: null, suppressed: false },
      { occupationCode: gadget, elementId: "1.C.5.b", scale: "IM", value: 4, distinctiveness: null, topCategory: null, topCategoryLabel: null, topCategoryPercent: null, suppressed: false },
    ]);
  });

  test("the 30.x layout (7 columns, CRLF): WI impact folded with its DR rank, 0 meaning not ranked", async () => {
    expect(await scores(database.url, "WORK_STYLE", "30.1")).toEqual([
      { occupationCode: widget, elementId: "1.D.1.a", scale: "WI", value: 1.2, distinctiveness: 3, topCategory: null, topCategoryLabel: null, topCategoryPercent: null, suppressed: false },
      { occupationCode: widget, elementId: "1.D.2.d", scale: "WI", value: -0.5, distinctiveness: null, topCategory: null, topCategoryLabel: null, topCategoryPercent: null, suppressed: false },
      { occupationCode: widget, elementId: "1.D.3.b", scale: "WI", value: 2.5, distinctiveness: 7, topCategory: null, topCategoryLabel: null, topCategoryPercent: null, suppressed: false },
    ]);
  });

  test("Work Values keep EX and count the VH high points as skipped; Work Context keeps the mean and the most common answer, labelled", async () => {
    expect((await scores(database.url, "WORK_VALUE", "29.3")).map((row) => [row.elementId, row.scale, row.value])).toEqual([
      ["1.B.2.a", "EX", 6.33],
      ["1.B.2.d", "EX", 4],
      ["1.B.2.f", "EX", 5.5],
    ]);
    const skipped = first.report.tables.find((t) => t.table === "WorkProfileScore (29.3)")?.skipped ?? [];
    expect(Object.fromEntries(skipped)).toEqual({ "onet/Work Values.txt rows on scale VH (the high points; each value's EX extent is stored)": 1 });
    expect(await scores(database.url, "WORK_CONTEXT", "29.3")).toEqual([
      { occupationCode: widget, elementId: "4.C.1.a.2.c", scale: "CX", value: 2.1, distinctiveness: null, topCategory: 2, topCategoryLabel: "Once a year or more but not every month", topCategoryPercent: 40, suppressed: false },
      { occupationCode: widget, elementId: "4.C.3.d.3", scale: "CT", value: 2.2, distinctiveness: null, topCategory: 2, topCategoryLabel: "40 hours", topCategoryPercent: 60, suppressed: false },
    ]);
  });

  test("each release keeps the Content Model descriptions of its own elements", async () => {
    const described = await queryRows<{ version: string; elementId: string }>(
      database.url,
      `SELECT r."version", e."elementId" FROM "ContentModelElement" e JOIN "DatasetRelease" r ON r."id" = e."releaseId" WHERE e."elementId" IN ('1.C.5.b', '1.D.3.b') ORDER BY 1, 2`,
    );
    expect(described).toEqual([
      { version: "29.3", elementId: "1.C.5.b" },
      { version: "30.1", elementId: "1.C.5.b" },
      { version: "30.1", elementId: "1.D.3.b" },
    ]);
  });

  test("re-importing the same folders changes 0 rows", async () => {
    const second = await importOnet(database.url, fixture.dir);
    expect(second.failed).toEqual([]);
    expect(second.report.rowsChanged).toBe(0);
  });
});

describe("Work profile and Task Ratings rows that cannot be imported", () => {
  let database: TestDatabase;
  const fixtures: OnetFixture[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(fixtures.map((f) => f.remove()));
    await database?.drop();
  });

  // Every import here fails and rolls back, so each starts from the same empty database.
  const broken = async (edit: (fixture: OnetFixture) => Promise<void>) => {
    const copy = await writeOnetFixtures();
    fixtures.push(copy);
    await edit(copy);
    const result = await importOnet(database.url, copy.dir);
    expect(await countRows(database.url, ["WorkProfileScore", "ContentModelElement", "Task"])).toEqual({ WorkProfileScore: 0, ContentModelElement: 0, Task: 0 });
    return result.failed.map((error) => error.message);
  };

  test("a malformed row names its file, line and column, and changes nothing", async () => {
    expect(await broken((copy) => replaceCell(copy.file("Work Styles.txt"), 3, "Data Value", "7.5"))).toEqual([
      'onet/Work Styles.txt, line 3, column "Data Value": 7.5 is outside the IM scale (1 to 5)',
    ]);
    expect(await broken((copy) => replaceCell(copy.file("Work Values.txt"), 2, "Scale ID", "XX"))).toEqual([
      'onet/Work Values.txt, line 2, column "Scale ID": expected EX or VH (found "XX")',
    ]);
    expect(await broken((copy) => replaceCell(copy.file("Work Context.txt"), 3, "Category", "n/a"))).toEqual([
      'onet/Work Context.txt, line 3, column "Category": a CXP row needs its response category (a whole number)',
    ]);
    expect(await broken((copy) => replaceCell(copy.file("Task Ratings.txt"), 3, "Task ID", "90001"))).toEqual([
      'onet/Task Ratings.txt, line 3, column "Scale ID": repeats the IM rating of task 90001 for 99-0001.00 (already on line 2)',
    ]);
  });

  test("a 30.x Work Styles file with an IM row, or a DR rank without its WI row, is refused", async () => {
    const mixed = [...WORK_STYLES_30_LAYOUT.rows, [widget, "1.C.1.c", "Initiative", "IM", "3.90", "12/2025", "AI/Expert"]];
    expect(await broken((copy) => writeWorkStyles30(path.dirname(copy.file("x")), mixed))).toEqual([
      'onet/Work Styles.txt, line 8, column "Scale ID": is IM in a file whose first row is WI/DR (the 30.x layout)',
    ]);
    const rankOnly = WORK_STYLES_30_LAYOUT.rows.filter((row) => !(row[1] === "1.D.2.d" && row[3] === "WI"));
    expect(await broken((copy) => writeWorkStyles30(path.dirname(copy.file("x")), rankOnly))).toEqual([
      'onet/Work Styles.txt, line 4, column "Scale ID": has a DR rank for 1.D.2.d of 99-0001.00 but no WI impact row',
    ]);
  });
});
