import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, afterAll, describe, expect, test } from "vitest";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { AppError } from "@/lib/errors";
import { FIXTURE_CODES } from "@/tests/support/fixtures/onet-fixtures";
import { SEARCH_GROUP_MEDIAN, writeSearchDatasets } from "@/tests/support/fixtures/search-fixtures";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { editVariants, queryWords, searchRoles } from "./search-roles";
import type { SearchSynonym } from "./search-synonyms";

const { widget, gadget, sprocket, allOther } = FIXTURE_CODES;
const database = useTestDatabase();
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "careerwiki-search-"));
  await writeSearchDatasets(dataDir);
  // A short-word typo: by trigrams and edit distance, "nruse" is closer to "ruse" than to "nurse".
  // Another role's alternate title that is, word for word, the widget engineers' title in the singular.
  await appendFile(path.join(dataDir, "onet", "Alternate Titles.txt"), [[sprocket, "Nurse"], [gadget, "Ruse"], [gadget, "Test Widget Engineer"]].map(([code, title]) => `${code}\t${title}\tn/a\t08\n`).join(""));
  const { failed } = await runImport({ databaseUrl: database.url, dir: dataDir, report: new ImportReport(() => {}) });
  expect(failed).toEqual([]);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("searchRoles", () => {
  test("ranks a title match above an alternate-title match above a task match", async () => {
    const results = await searchRoles({ query: "sprocket" });
    expect(results.map((r) => [r.code, r.matchedKind])).toEqual([
      [sprocket, "TITLE"],
      [gadget, "ALTERNATE"], // "Sprocket Fitter": closer to the query than the next one
      [allOther, "ALTERNATE"], // "Test Sprocket Inspectors"
      [widget, "TASK"],
    ]);
    expect(results[0]?.matchedText).toBeNull();
    expect(results[1]?.matchedText).toBe("Sprocket Fitter");
    expect(results[3]?.matchedText).toBe("Order sprockets for widgets.");
  });

  test("an exact title beats the same words as another role's alternate title", async () => {
    const results = await searchRoles({ query: "test sprocket inspectors" });
    expect(results[0]).toMatchObject({ code: sprocket, matchedKind: "TITLE" });
    expect(results[1]).toMatchObject({ code: allOther, matchedKind: "ALTERNATE", matchedText: "Test Sprocket Inspectors" });
  });

  test("a title in the singular is still that title: it beats another role's alternate title of exactly those words", async () => {
    const results = await searchRoles({ query: "test widget engineer" });
    expect(results[0]).toMatchObject({ code: widget, matchedKind: "TITLE" });
    expect(results[1]).toMatchObject({ code: gadget, matchedKind: "ALTERNATE", matchedText: "Test Widget Engineer" });
    // And the other way round: the plural finds the singular alternate title as exactly the query.
    expect((await searchRoles({ query: "test widget engineers" }))[0]).toMatchObject({ code: widget, matchedKind: "TITLE" });
  });

  test("returns the alternate title that matched, with title, slug, code and median pay", async () => {
    const [first] = await searchRoles({ query: "Widgeteer" });
    expect(first).toMatchObject({
      code: widget,
      slug: "test-widget-engineers",
      title: "Test Widget Engineers",
      matchedKind: "ALTERNATE",
      matchedText: "Widgeteer",
      medianAnnualWage: 120_000,
    });
  });

  test("tolerates typos", async () => {
    expect((await searchRoles({ query: "widgt enginers" }))[0]?.code).toBe(widget);
    expect((await searchRoles({ query: "gadgit techniciens" }))[0]?.code).toBe(gadget);
  });

  test("matches words while they are being typed (prefixes)", async () => {
    expect((await searchRoles({ query: "test gadg" }))[0]?.code).toBe(gadget);
  });

  test("falls back to the smallest published SOC group's median pay, and says which group", async () => {
    const [allOtherResult] = await searchRoles({ query: "All Other Test Workers" });
    expect(allOtherResult).toMatchObject({ code: allOther, medianAnnualWage: SEARCH_GROUP_MEDIAN, wageGroupCode: "99-0000" });
    const [widgetResult] = await searchRoles({ query: "Test Widget Engineers" });
    expect(widgetResult).toMatchObject({ code: widget, medianAnnualWage: 120_000, wageGroupCode: null });
  });

  test("finds nothing for unrelated words", async () => {
    expect(await searchRoles({ query: "zzqx" })).toEqual([]);
  });

  test("every word is required; stop words are left out", async () => {
    // Only the gadget technicians' "Sprocket Fitter" has both words.
    expect((await searchRoles({ query: "sprocket fitter" })).map((result) => result.code)).toEqual([gadget]);
    // "for" is in no term's document (the English configuration drops it): required, it would find nothing.
    expect((await searchRoles({ query: "sprockets for widgets" }))[0]).toMatchObject({ code: widget, matchedKind: "TASK" });
  });

  test("a word that resembles nothing is dropped when the query finds nothing with it", async () => {
    expect((await searchRoles({ query: "widget qqzx" }))[0]?.code).toBe(widget);
  });

  test("stop words alone find nothing, not even a synonym made of them", async () => {
    expect(await searchRoles({ query: "of the" }, [{ term: "of the", codes: [widget], source: "test" }])).toEqual([]);
  });

  test("respects the limit", async () => {
    expect(await searchRoles({ query: "test", limit: 2 })).toHaveLength(2);
  });

  test("rejects empty, blank and over-long queries with an INVALID_INPUT error", async () => {
    for (const query of ["", "   ", "x".repeat(101)]) {
      await expect(searchRoles({ query })).rejects.toBeInstanceOf(AppError);
      await expect(searchRoles({ query })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    expect(await searchRoles({ query: `  ${"x".repeat(100)}  ` })).toEqual([]);
  });

  test("search syntax in the query is plain text, never an error", async () => {
    for (const query of ["a & b | !c", "widget:*", "'); DROP TABLE x; --", "(((", "über café"]) {
      await expect(searchRoles({ query })).resolves.toBeInstanceOf(Array);
    }
  });
});

describe("searchRoles forgives swapped, dropped, extra and wrong letters, and knows synonyms", () => {
  test("a swapped pair of letters in a short word finds the word, not its trigram neighbours", async () => {
    expect((await searchRoles({ query: "nruse" }))[0]).toMatchObject({ code: sprocket, matchedText: "Nurse" });
    expect((await searchRoles({ query: "wdiget" }))[0]?.code).toBe(widget);
  });

  test("a dropped, an extra and a wrong letter", async () => {
    expect((await searchRoles({ query: "sprockt" }))[0]?.code).toBe(sprocket);
    expect((await searchRoles({ query: "sprockket" }))[0]?.code).toBe(sprocket);
    expect((await searchRoles({ query: "widgat" }))[0]?.code).toBe(widget);
  });

  const synonyms: SearchSynonym[] = [
    { term: "WGT", codes: [widget], source: "test" },
    { term: "thingamajig person", codes: [allOther, gadget], source: "test" },
  ];

  test("a synonym lists its roles first, in order, as what the role is also called", async () => {
    const results = await searchRoles({ query: "wgt" }, synonyms);
    expect(results[0]).toMatchObject({ code: widget, matchedKind: "ALTERNATE", matchedText: "WGT" });
    const pair = await searchRoles({ query: "Thingamajig-Person" }, synonyms);
    expect(pair.map((result) => result.code)).toEqual([allOther, gadget]);
  });

  test("a synonym ranks first even where the words match other roles, and a typo in it is forgiven", async () => {
    const withSprocket: SearchSynonym[] = [{ term: "sprocket", codes: [allOther], source: "test" }];
    expect((await searchRoles({ query: "sprocket" }, withSprocket))[0]?.code).toBe(allOther);
    expect((await searchRoles({ query: "sprokcet" }, withSprocket))[0]?.code).toBe(allOther);
  });

  test("a synonym is matched word for word, case and punctuation aside", async () => {
    const list: SearchSynonym[] = [{ term: "Sprocket/Widget Lead", codes: [allOther], source: "test" }];
    expect((await searchRoles({ query: "sprocket widget LEAD" }, list))[0]).toMatchObject({ code: allOther, matchedText: "Sprocket/Widget Lead" });
    expect((await searchRoles({ query: "sprocket lead" }, list)).map((result) => result.matchedText)).not.toContain("Sprocket/Widget Lead");
  });

  test("a query that only contains a synonym's words is not that synonym", async () => {
    expect((await searchRoles({ query: "wgt thingamajig" }, synonyms)).map((result) => result.code)).not.toContain(widget);
  });
});

describe("editVariants", () => {
  test("the words one edit away, swaps first; none for words under three letters", () => {
    const variants = editVariants("nruse");
    expect(variants[0]).toEqual({ variant: "rnuse", rank: 0 });
    expect(variants).toContainEqual({ variant: "nurse", rank: 0 });
    expect(variants).toContainEqual({ variant: "ruse", rank: 3 });
    expect(variants).toContainEqual({ variant: "nruuse", rank: 1 });
    expect(variants).toContainEqual({ variant: "nrase", rank: 2 });
    expect(variants.some(({ variant }) => variant === "nruse")).toBe(false);
    expect(new Set(variants.map(({ variant }) => variant)).size).toBe(variants.length);
    expect(editVariants("rn")).toEqual([]);
  });
});

describe("queryWords", () => {
  test("keep letters and digits only, lower-cased, at most 8 words", () => {
    expect(queryWords("Cyber-Security  eng!")).toEqual(["cyber", "security", "eng"]);
    expect(queryWords("&|!:*()")).toEqual([]);
    expect(queryWords("a b c d e f g h i j")).toHaveLength(8);
  });
});

describe("searchRoles while typing", () => {
  test('a word cut where the English stemmer would not ("enginee": stem "engine", not "engin") still matches', async () => {
    expect((await searchRoles({ query: "test enginee" }))[0]?.code).toBe(widget);
  });
});
