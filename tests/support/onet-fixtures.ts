import { appendFile, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Small synthetic O*NET files in the exact published text layout (O*NET's column names
 * and order, tab-separated, `n/a` for empty cells, LF endings), for four made-up
 * occupations:
 *
 *   99-0001.00 Test Widget Engineers      everything: tasks, ratings, titles, tools, education
 *   99-0002.00 Test Gadget Technicians    a smaller set of the same
 *   99-0003.00 Test Sprocket Inspectors   tasks and a job zone only
 *   99-0004.00 All Other Test Workers     a description only (like O*NET's "All Other" titles)
 *
 * The values are chosen so tests can check each rule of the importer: IM and LV rows that
 * fold into one rating, a suppressed and a not-relevant level, an alternate title listed
 * twice (as 29.3 does for 21-1014.00), Interests' IH rows, and ETE's IM rows that have no
 * categories.
 */

export const FIXTURE_CODES = {
  widget: "99-0001.00",
  gadget: "99-0002.00",
  sprocket: "99-0003.00",
  allOther: "99-0004.00",
} as const;

export interface OnetFixtureOptions {
  /** Also write Abilities.txt, Work Activities.txt, Interests.txt and Task Ratings.txt (default true). */
  optionalFiles?: boolean;
}

export interface OnetFixture {
  /** The data folder to import from (it holds `onet/`). */
  dir: string;
  /** Full path of one O*NET file of the fixture. */
  file(name: string): string;
  /** Deletes the data folder. */
  remove(): Promise<void>;
}

type Cell = string | number;

const { widget, gadget, sprocket, allOther } = FIXTURE_CODES;

const RATING_HEADER = [
  "O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "N", "Standard Error",
  "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Not Relevant", "Date", "Domain Source",
];

/** One IM row and one LV row of an element, as Skills/Knowledge/Abilities/Work Activities publish them. */
function imLvRows(code: string, elementId: string, name: string, im: string, lv: string, flags: { suppressIm?: "Y" | "N" | "n/a"; suppressLv?: "Y" | "N" | "n/a"; notRelevant?: "Y" | "N" } = {}): Cell[][] {
  return [
    [code, elementId, name, "IM", im, 8, "0.1250", "3.8800", "4.3700", flags.suppressIm ?? "N", "n/a", "08/2023", "Analyst"],
    [code, elementId, name, "LV", lv, 8, "0.1830", "4.2664", "4.9836", flags.suppressLv ?? "N", flags.notRelevant ?? "N", "08/2023", "Analyst"],
  ];
}

const REQUIRED_FILES: Record<string, { header: string[]; rows: Cell[][] }> = {
  "Occupation Data.txt": {
    header: ["O*NET-SOC Code", "Title", "Description"],
    rows: [
      [widget, "Test Widget Engineers", "Design and test widgets for the test suite."],
      [gadget, "Test Gadget Technicians", "Repair gadgets used by the test suite."],
      [sprocket, "Test Sprocket Inspectors", "Inspect sprockets for defects."],
      [allOther, "All Other Test Workers", "All test workers not listed separately."],
    ],
  },
  "Job Zones.txt": {
    header: ["O*NET-SOC Code", "Job Zone", "Date", "Domain Source"],
    rows: [
      [widget, 4, "08/2023", "Analyst"],
      [gadget, 3, "08/2023", "Analyst"],
      [sprocket, 2, "08/2023", "Analyst"],
    ],
  },
  "Job Zone Reference.txt": {
    header: ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"],
    rows: [1, 2, 3, 4, 5].map((zone) => [zone, `Job Zone ${zone}: Test Preparation`, `Experience ${zone}.`, `Education ${zone}.`, `Training ${zone}.`, `Examples ${zone}.`, `(${zone}.0 to < ${zone + 1}.0)`]),
  },
  "Task Statements.txt": {
    header: ["O*NET-SOC Code", "Task ID", "Task", "Task Type", "Incumbents Responding", "Date", "Domain Source"],
    rows: [
      [widget, 90001, "Design widgets to specification.", "Core", 95, "08/2023", "Incumbent"],
      [widget, 90002, "Test widgets under load.", "Supplemental", 40, "08/2023", "Incumbent"],
      [gadget, 90003, "Repair gadgets.", "Core", 60, "08/2023", "Incumbent"],
      [sprocket, 90004, "Inspect sprockets.", "n/a", "n/a", "08/2023", "Analyst"],
    ],
  },
  "Skills.txt": {
    header: RATING_HEADER,
    rows: [
      // Line 2 is the IM row and line 3 the LV row of Reading Comprehension (tests corrupt line 3).
      ...imLvRows(widget, "2.A.1.a", "Reading Comprehension", "4.12", "4.62"),
      ...imLvRows(widget, "2.A.1.b", "Active Listening", "3.50", "3.88", { suppressLv: "Y" }),
      ...imLvRows(widget, "2.B.3.e", "Programming", "1.00", "0.00", { notRelevant: "Y" }),
      ...imLvRows(gadget, "2.A.1.a", "Reading Comprehension", "3.00", "3.25"),
    ],
  },
  "Knowledge.txt": {
    header: RATING_HEADER,
    rows: [
      ...imLvRows(widget, "2.C.1.a", "Administration and Management", "4.78", "6.50", { suppressIm: "Y" }),
      ...imLvRows(gadget, "2.C.3.a", "Computers and Electronics", "3.10", "3.40", { suppressIm: "n/a", suppressLv: "n/a" }),
    ],
  },
  "Technology Skills.txt": {
    header: ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"],
    rows: [
      [widget, "Widget CAD", 43232604, "Computer aided design CAD software", "Y", "Y"],
      [widget, "Spreadsheet Pro", 43232110, "Spreadsheet software", "N", "N"],
      [widget, "Widget CAD", 43232604, "Computer aided design CAD software", "Y", "Y"],
      [gadget, "Gadget Tracker", 43232306, "Data base user interface and query software", "Y", "N"],
    ],
  },
  "Tools Used.txt": {
    header: ["O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title"],
    rows: [
      [widget, "Torque wrenches", 27111714, "Torque wrenches"],
      [gadget, "Multimeters", 41113815, "Multimeters"],
    ],
  },
  "Alternate Titles.txt": {
    header: ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
    rows: [
      [widget, "Widget Designer", "n/a", "08"],
      [widget, "Senior Widget Engineer (SWE)", "n/a", "04"],
      // Listed twice, as O*NET 29.3 does for two titles of 21-1014.00: the first is kept.
      [widget, "Senior Widget Engineer (SWE)", "SWE", "02,04"],
      [widget, "Widgeteer", "n/a", "04,06"],
      [gadget, "Gadget Fixer", "n/a", "10"],
    ],
  },
  "Sample of Reported Titles.txt": {
    header: ["O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move"],
    rows: [
      [widget, "Widget Designer", "Y"],
      [widget, "Widget Lead", "N"],
      [gadget, "Gadget Technician", "Y"],
    ],
  },
  "Related Occupations.txt": {
    header: ["O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
    rows: [
      [widget, gadget, "Primary-Short", 1],
      [widget, sprocket, "Supplemental", 2],
      [gadget, widget, "Primary-Short", 1],
    ],
  },
  "Education, Training, and Experience.txt": {
    header: [
      "O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Category", "Data Value", "N", "Standard Error",
      "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Date", "Domain Source",
    ],
    rows: [
      [widget, "2.D.1", "Required Level of Education", "RL", 1, "0.00", 28, "0.0000", "n/a", "n/a", "N", "08/2023", "Incumbent"],
      [widget, "2.D.1", "Required Level of Education", "RL", 2, "4.46", 28, "4.1428", "0.6307", "25.5524", "N", "08/2023", "Incumbent"],
      [widget, "2.D.1", "Required Level of Education", "RL", 6, "95.54", 28, "4.1428", "74.4476", "99.3693", "Y", "08/2023", "Incumbent"],
      [widget, "3.A.1", "Related Work Experience", "RW", 1, "20.00", 28, "3.0000", "n/a", "n/a", "N", "08/2023", "Incumbent"],
      [widget, "3.A.2", "On-Site or In-Plant Training", "PT", 2, "50.00", 28, "3.0000", "n/a", "n/a", "n/a", "08/2023", "Incumbent"],
      [widget, "3.A.3", "On-the-Job Training", "OJ", 1, "33.30", 28, "3.0000", "n/a", "n/a", "N", "08/2023", "Incumbent"],
      // Certification importance: an IM row, no category; the importer skips it with a reason.
      [widget, "2.D.4.a", "Job-Related Professional Certification", "IM", "n/a", "3.01", 28, "0.2773", "2.4454", "3.5834", "N", "08/2023", "Incumbent"],
      [gadget, "2.D.1", "Required Level of Education", "RL", 2, "100.00", 12, "0.0000", "n/a", "n/a", "N", "08/2023", "Incumbent"],
    ],
  },
  "Education, Training, and Experience Categories.txt": {
    header: ["Element ID", "Element Name", "Scale ID", "Category", "Category Description"],
    rows: [
      ["2.D.1", "Required Level of Education", "RL", 1, "Less than a High School Diploma"],
      ["2.D.1", "Required Level of Education", "RL", 2, "High School Diploma - or the equivalent (for example, GED)"],
      ["2.D.1", "Required Level of Education", "RL", 6, "Bachelor's Degree"],
      ["3.A.1", "Related Work Experience", "RW", 1, "None"],
      ["3.A.2", "On-Site or In-Plant Training", "PT", 1, "None"],
      ["3.A.2", "On-Site or In-Plant Training", "PT", 2, "Up to and including 1 month"],
      ["3.A.3", "On-the-Job Training", "OJ", 1, "None or short demonstration"],
    ],
  },
};

const OPTIONAL_FILES: Record<string, { header: string[]; rows: Cell[][] }> = {
  "Abilities.txt": {
    header: RATING_HEADER,
    rows: [...imLvRows(widget, "1.A.1.a.1", "Oral Comprehension", "4.00", "4.25")],
  },
  "Work Activities.txt": {
    header: RATING_HEADER,
    rows: [...imLvRows(widget, "4.A.1.a.1", "Getting Information", "4.50", "5.10")],
  },
  "Interests.txt": {
    header: ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Date", "Domain Source"],
    rows: [
      [widget, "1.B.1.a", "Realistic", "OI", "5.67", "11/2023", "Machine Learning"],
      [widget, "1.B.1.b", "Investigative", "OI", "6.12", "11/2023", "Machine Learning"],
      [widget, "1.B.1.g", "First Interest High-Point", "IH", "2.00", "11/2023", "Machine Learning"],
    ],
  },
  "Task Ratings.txt": {
    header: [
      "O*NET-SOC Code", "Task ID", "Scale ID", "Category", "Data Value", "N", "Standard Error", "Lower CI Bound",
      "Upper CI Bound", "Recommend Suppress", "Date", "Domain Source",
    ],
    rows: [
      [widget, 90001, "IM", "n/a", "4.50", 95, "0.1000", "4.3000", "4.7000", "N", "08/2023", "Incumbent"],
      [widget, 90002, "IM", "n/a", "3.20", 40, "0.1500", "2.9000", "3.5000", "N", "08/2023", "Incumbent"],
      [widget, 90001, "FT", 7, "20.00", 95, "4.0000", "13.0000", "29.0000", "N", "08/2023", "Incumbent"],
    ],
  },
};

const READ_ME = [
  "O*NET 29.3 Database",
  "May 2025 Release",
  "",
  "Synthetic test fixture in the published text layout; not O*NET data.",
  "",
].join("\n");

/** Writes the fixture into a new temporary data folder (or `dir`) and returns where it is. */
export async function writeOnetFixtures(options: OnetFixtureOptions = {}, dir?: string): Promise<OnetFixture> {
  const dataDir = dir ?? (await mkdtemp(path.join(tmpdir(), "careerwiki-onet-")));
  const onetDir = path.join(dataDir, "onet");
  await mkdir(onetDir, { recursive: true });
  const files = { ...REQUIRED_FILES, ...(options.optionalFiles === false ? {} : OPTIONAL_FILES) };
  await writeFile(path.join(onetDir, "Read Me.txt"), READ_ME);
  for (const [name, { header, rows }] of Object.entries(files)) {
    await writeFile(path.join(onetDir, name), formatTabSeparated(header, rows));
  }
  return { dir: dataDir, file: (name) => path.join(onetDir, name), remove: () => rm(dataDir, { recursive: true, force: true }) };
}

/** Rewrites one cell of a fixture file (line 1 is the header), e.g. to plant a malformed value. */
export async function replaceCell(filePath: string, line: number, column: string, value: string) {
  const lines = (await readFile(filePath, "utf8")).split("\n");
  const header = lines[0]!.split("\t");
  const cells = lines[line - 1]!.split("\t");
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`${filePath} has no column "${column}"`);
  cells[index] = value;
  lines[line - 1] = cells.join("\t");
  await writeFile(filePath, lines.join("\n"));
}

function formatTabSeparated(header: readonly string[], rows: readonly Cell[][]): string {
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`fixture row has ${row.length} cells, header ${header.length}: ${row.join(" | ")}`);
  }
  return [header, ...rows].map((cells) => cells.join("\t")).join("\n") + "\n";
}

export interface ExtraFixtureOccupation {
  /** In a range no other fixture uses (each e2e suite that needs pages of its own has one). */
  code: string;
  title: string;
  description: string;
  tasks?: readonly string[];
  alternateTitles?: readonly string[];
  /** 1–5 (Job Zone Reference); gives the page an official "Education and training" value. */
  jobZone?: number;
  technologySkills?: readonly string[];
  /** O*NET-SOC codes of related occupations, in order. */
  relatedCodes?: readonly string[];
}

/**
 * Appends occupations to the O*NET files already written in `dir` (by writeOnetFixtures),
 * for an e2e suite that needs pages no other spec reads or writes. They have no wage,
 * projection or AI figures (no crosswalk row), so nothing other specs count changes but the
 * number of occupations.
 */
export async function appendFixtureOccupations(dir: string, occupations: readonly ExtraFixtureOccupation[]) {
  const onetFile = (name: string) => path.join(dir, "onet", name);
  const rows = (cells: readonly Cell[][]) => cells.map((row) => `${row.join("\t")}\n`).join("");
  await appendFile(onetFile("Occupation Data.txt"), rows(occupations.map((o) => [o.code, o.title, o.description])));
  const taskId = (code: string, index: number) => 900_000 + Number(code.slice(3, 7)) * 100 + index;
  await appendFile(
    onetFile("Task Statements.txt"),
    rows(occupations.flatMap((o) => (o.tasks ?? []).map((task, index) => [o.code, taskId(o.code, index), task, "Core", 10, "08/2023", "Incumbent"]))),
  );
  await appendFile(onetFile("Alternate Titles.txt"), rows(occupations.flatMap((o) => (o.alternateTitles ?? []).map((title) => [o.code, title, "n/a", "08"]))));
  await appendFile(onetFile("Job Zones.txt"), rows(occupations.flatMap((o) => (o.jobZone ? [[o.code, o.jobZone, "08/2023", "Analyst"]] : []))));
  await appendFile(
    onetFile("Technology Skills.txt"),
    rows(occupations.flatMap((o) => (o.technologySkills ?? []).map((example) => [o.code, example, 43232604, "Computer aided design CAD software", "N", "N"]))),
  );
  await appendFile(
    onetFile("Related Occupations.txt"),
    rows(occupations.flatMap((o) => (o.relatedCodes ?? []).map((related, index) => [o.code, related, "Primary-Short", index + 1]))),
  );
}
