// What search, browse and home need on top of the O*NET fixture (for their vitest
// integration tests): a few more titles and tasks to rank, the O*NET → SOC crosswalk, and
// tiny OEWS and Employment Projections files, all in the published layouts. The e2e suite
// uses role-fixtures.ts for the BLS files and adds only `appendSearchTitles`.
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { oewsRow, writeOewsFile, writeProjectionsFile } from "./bls-fixtures";
import { writeOnetSocCrosswalkFixture } from "./crosswalk-fixtures";
import { FIXTURE_CODES, writeOnetFixtures } from "./onet-fixtures";

const { widget, gadget, sprocket, allOther } = FIXTURE_CODES;

/**
 * Search fixture: "sprocket" is in a title (Test Sprocket Inspectors), an alternate title
 * (Sprocket Fitter, of the gadget technicians) and a task (of the widget engineers); the
 * whole title "Test Sprocket Inspectors" is also an alternate title of All Other Test Workers.
 */
export const SEARCH_ROWS = {
  alternateTitles: [
    [gadget, "Sprocket Fitter", "n/a", "08"],
    [allOther, "Test Sprocket Inspectors", "n/a", "08"],
  ],
  tasks: [[widget, 90101, "Order sprockets for widgets.", "Supplemental", 12, "08/2023", "Incumbent"]],
} as const;

/**
 * Wages and projections: widget engineers (SOC 99-0001) are the best paid and grow fastest
 * (Bright Outlook by growth); gadget technicians and sprocket inspectors share SOC 99-0002
 * (Bright Outlook by openings); All Other Test Workers (99-0009) have projections but no
 * wage row of their own: their pay is the major group's (99-0000), SEARCH_GROUP_MEDIAN.
 */
export const SEARCH_FIGURES = {
  "99-0001": { medianWage: 120_000, changePercent: 12.5, annualOpenings: 3.2 },
  "99-0002": { medianWage: 50_000, changePercent: 1.2, annualOpenings: 15.0 },
  "99-0009": { medianWage: null, changePercent: -2.0, annualOpenings: 0.4 },
} as const;

const lines = (rows: readonly (readonly (string | number)[])[]) => rows.map((row) => `${row.join("\t")}\n`).join("");

export const SEARCH_GROUP_MEDIAN = 45_000;

/** Appends the search alternate titles to the O*NET files already written in `dir` (by writeOnetFixtures). */
export async function appendSearchTitles(dir: string) {
  await appendFile(path.join(dir, "onet", "Alternate Titles.txt"), lines(SEARCH_ROWS.alternateTitles));
}

/** Appends the search alternate titles and the task. */
export async function appendSearchRows(dir: string) {
  await appendSearchTitles(dir);
  await appendFile(path.join(dir, "onet", "Task Statements.txt"), lines(SEARCH_ROWS.tasks));
}

/** The O*NET → SOC 2018 crosswalk of the four fixture occupations. */
export async function writeSearchCrosswalk(dir: string) {
  await writeOnetSocCrosswalkFixture(dir, [
    { onetCode: widget, onetTitle: "Test Widget Engineers", socCode: "99-0001", socTitle: "Test Widget Engineers" },
    { onetCode: gadget, onetTitle: "Test Gadget Technicians", socCode: "99-0002", socTitle: "Test Gadget Technicians" },
    { onetCode: sprocket, onetTitle: "Test Sprocket Inspectors", socCode: "99-0002", socTitle: "Test Gadget Technicians" },
    { onetCode: allOther, onetTitle: "All Other Test Workers", socCode: "99-0009", socTitle: "Test Workers, All Other" },
  ]);
}

/** OEWS May 2024 (national) and Employment Projections 2024–34 files for SEARCH_FIGURES. */
export async function writeSearchBlsFiles(dir: string) {
  const wages = Object.entries(SEARCH_FIGURES).filter(([, figures]) => figures.medianWage !== null);
  await writeOewsFile(dir, {
    year: 2024,
    rows: [
      // The group All Other Test Workers (99-0009, no row of its own) falls back to.
      oewsRow({ OCC_CODE: "99-0000", OCC_TITLE: "Test Occupations", O_GROUP: "major", A_MEDIAN: SEARCH_GROUP_MEDIAN }),
      ...wages.map(([code, figures]) => oewsRow({ OCC_CODE: code, A_MEDIAN: figures.medianWage })),
    ],
  });
  await writeProjectionsFile(dir, [
    { title: "Test occupations", code: "99-0000", type: "Summary", employmentBase: 100, employmentProjected: 103 },
    ...Object.entries(SEARCH_FIGURES).map(([code, figures]) => ({
      title: `Occupation ${code}`,
      code,
      type: "Line item" as const,
      employmentBase: 50,
      employmentProjected: 50 * (1 + figures.changePercent / 100),
      changePercent: figures.changePercent,
      openings: figures.annualOpenings,
    })),
  ]);
}

/** A complete data folder for the reading features, written into `dir`. */
export async function writeSearchDatasets(dir: string) {
  await writeOnetFixtures({}, dir);
  await appendSearchRows(dir);
  await writeSearchCrosswalk(dir);
  await writeSearchBlsFiles(dir);
}
