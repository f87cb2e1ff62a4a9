// Every dataset of a role page, as synthetic files in the published formats, for the four
// fixture occupations of onet-fixtures.ts. Used by the get-role-page integration tests and
// by the end-to-end suite (e2e-datasets.ts). Each occupation exercises other rules:
//
//   99-0001.00 Test Widget Engineers   SOC 99-1011, its own OEWS row with top-coded 75th/90th
//                                      percentiles, a May 2023 row, its own projection
//                                      (+8.2 %: Bright Outlook by growth), every AI index
//                                      (SOC 2010 99-1010 renamed), its own video, ranked tasks,
//                                      more than ten skills and six alternate titles
//   99-0002.00 Test Gadget Technicians SOC 99-1012 shared with sprocket: "SOC group" figures;
//                                      Felten values are the mean of two merged SOC 2010 codes;
//                                      high-school entry (no college cost); no video
//   99-0003.00 Test Sprocket Inspectors SOC 99-1012 too; tasks of type n/a; a related
//                                      occupation's video (gadget's)
//   99-0004.00 All Other Test Workers  SOC 99-1031, which OEWS and the projections do not
//                                      publish: broad group 99-1030 (OEWS) and Summary
//                                      99-1000 (projections) stand in; only Eloundou has it
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { writeEloundou, writeFeltenAppendix, writeFeltenLanguageModeling, writeMicrosoftApplicability } from "./ai-fixtures";
import { oewsRow, writeOewsFile, writeProjectionsFile, writeSoc2010Crosswalk } from "./bls-fixtures";
import { writeOnetSocCrosswalkFixture } from "./crosswalk-fixtures";
import { FIXTURE_CODES, writeOnetFixtures } from "./onet-fixtures";
import { COSTS_2019_20, writeCareerVideos, writeCostsTable } from "./reading-fixtures";

const { widget, gadget, sprocket, allOther } = FIXTURE_CODES;

export const ROLE_FIXTURE_SLUGS = {
  widget: "test-widget-engineers",
  gadget: "test-gadget-technicians",
  sprocket: "test-sprocket-inspectors",
  allOther: "all-other-test-workers",
} as const;

/** Extra widget skills (importance descending after the fixture's three) so the page has more than ten. */
export const EXTRA_WIDGET_SKILLS = [
  "Critical Thinking", "Speaking", "Writing", "Monitoring", "Coordination", "Judgment and Decision Making",
  "Systems Analysis", "Complex Problem Solving", "Time Management", "Quality Control Analysis",
] as const;

export const EXTRA_WIDGET_TITLES = ["Widget Architect", "Widget Builder", "Widget Developer", "Widget Specialist", "Widget Technologist", "Lead Widget Engineer"] as const;

export async function writeRoleDatasets(dir: string) {
  await writeOnetFixtures({}, dir);
  await appendOnetRows(dir);
  await writeOnetSocCrosswalkFixture(dir, [
    { onetCode: widget, onetTitle: "Test Widget Engineers", socCode: "99-1011", socTitle: "Test Widget Engineers" },
    { onetCode: gadget, onetTitle: "Test Gadget Technicians", socCode: "99-1012", socTitle: "Test Gadget and Sprocket Workers" },
    { onetCode: sprocket, onetTitle: "Test Sprocket Inspectors", socCode: "99-1012", socTitle: "Test Gadget and Sprocket Workers" },
    { onetCode: allOther, onetTitle: "All Other Test Workers", socCode: "99-1031", socTitle: "Test Workers, All Other" },
  ]);
  await writeOewsFile(dir, {
    year: 2024,
    rows: [
      oewsRow({ OCC_CODE: "00-0000", OCC_TITLE: "All Occupations", O_GROUP: "total", TOT_EMP: 154187380 }),
      oewsRow({ OCC_CODE: "99-0000", OCC_TITLE: "Test Occupations", O_GROUP: "major", A_MEDIAN: 50000 }),
      oewsRow({ OCC_CODE: "99-1000", OCC_TITLE: "Test Minor Occupations", O_GROUP: "minor", A_MEDIAN: 52000 }),
      oewsRow({ OCC_CODE: "99-1030", OCC_TITLE: "Test Workers Group", O_GROUP: "broad", TOT_EMP: 12340, A_MEDIAN: 45670, H_MEDIAN: 21.96 }),
      oewsRow({
        OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", TOT_EMP: 98760, A_MEAN: 160000, H_MEAN: 76.92,
        A_PCT10: 80000, A_PCT25: 110000, A_MEDIAN: 150000, A_PCT75: "#", A_PCT90: "#",
        H_PCT10: 38.46, H_PCT25: 52.88, H_MEDIAN: 72.12, H_PCT75: "#", H_PCT90: "#",
      }),
      oewsRow({ OCC_CODE: "99-1012", OCC_TITLE: "Test Gadget and Sprocket Workers", TOT_EMP: 54320 }),
    ],
  });
  await writeOewsFile(dir, { year: 2023, rows: [oewsRow({ OCC_CODE: "99-1011", OCC_TITLE: "Test Widget Engineers", A_MEDIAN: 140000 })] });
  await writeProjectionsFile(dir, [
    { title: "Test occupations", code: "99-0000", type: "Summary", employmentBase: 1000, employmentProjected: 1010, changeNumeric: 10, changePercent: 1, openings: 80 },
    { title: "Test minor occupations", code: "99-1000", type: "Summary", employmentBase: 100, employmentProjected: 103, changeNumeric: 3, changePercent: 3, openings: 12, education: "Postsecondary nondegree award", experience: "None", training: "None" },
    { title: "Test widget engineers", code: "99-1011", type: "Line item", employmentBase: 50, employmentProjected: 54.1, changeNumeric: 4.1, changePercent: 8.2, openings: 3.1, medianWage: 150000, education: "Bachelor's degree", experience: "None", training: "None" },
    { title: "Test gadget and sprocket workers", code: "99-1012", type: "Line item", employmentBase: 20, employmentProjected: 20.5, changeNumeric: 0.5, changePercent: 2.5, openings: 1.5, medianWage: 58240, education: "High school diploma or equivalent", experience: "None", training: "Short-term on-the-job training" },
  ]);
  await writeSoc2010Crosswalk(dir, [
    ["99-1010", "Test Widget Engineers", "99-1011", "Test Widget Engineers"],
    ["99-1020", "Test Gadget Workers", "99-1012", "Test Gadget and Sprocket Workers (##)"],
    ["99-1021", "Test Sprocket Workers", "99-1012", "Test Gadget and Sprocket Workers (##)"],
  ]);
  const felten = [
    ["99-1010", "Test Widget Engineers", 1.5],
    ["99-1020", "Test Gadget Workers", 0.5],
    ["99-1021", "Test Sprocket Workers", 1.0],
  ] as const;
  await writeFeltenAppendix(dir, felten);
  await writeFeltenLanguageModeling(dir, felten);
  await writeEloundou(dir, [
    { code: widget, title: "Test Widget Engineers", alpha: 0.35, beta: 0.675, gamma: 1 },
    { code: gadget, title: "Test Gadget Technicians", alpha: 0.4, beta: 0.7, gamma: 1 },
    { code: sprocket, title: "Test Sprocket Inspectors", alpha: 0.1, beta: 0.3, gamma: 0.5 },
    { code: allOther, title: "All Other Test Workers", alpha: 0, beta: 0.05, gamma: 0.1 },
  ]);
  await writeMicrosoftApplicability(dir, [
    ["99-1011", "Test Widget Engineers", 0.4],
    ["99-1012", "Test Gadget and Sprocket Workers", 0.1],
    ["99-1099", "Test Others", 0.2],
  ]);
  await writeCareerVideos(dir, [
    { key: "99-1011", videoCode: widget, title: "Test Widget Engineers" },
    { key: "99-0003-00", videoCode: gadget, title: "Test Sprocket Inspectors" },
  ]);
  await writeCostsTable(dir, COSTS_2019_20);
}

/** Rows added to the O*NET fixture for the page only (the importer tests keep the plain fixture). */
async function appendOnetRows(dir: string) {
  const onet = (name: string) => path.join(dir, "onet", name);
  const skills = EXTRA_WIDGET_SKILLS.flatMap((name, index) => {
    const im = (3.4 - index * 0.1).toFixed(2);
    const id = `2.X.${index + 1}`;
    return [
      [widget, id, name, "IM", im, 8, "0.1250", "3.0000", "3.5000", "N", "n/a", "08/2023", "Analyst"],
      [widget, id, name, "LV", "3.00", 8, "0.1830", "2.5000", "3.5000", "N", "N", "08/2023", "Analyst"],
    ];
  });
  await appendFile(onet("Skills.txt"), skills.map((cells) => cells.join("\t")).join("\n") + "\n");
  await appendFile(onet("Alternate Titles.txt"), EXTRA_WIDGET_TITLES.map((title) => [widget, title, "n/a", "04"].join("\t")).join("\n") + "\n");
}
