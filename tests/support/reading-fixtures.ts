// Synthetic files for the Reading datasets in their published layouts: the career-video
// compilation (videos/career-videos.json) and NCES Digest Table 330.10 (costs/tabn330.10.xls).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as XLSX from "@e965/xlsx";

export interface VideoFixtureEntry {
  /** As published: SOC `99-0001` or O*NET with a dash `99-0003-00`. */
  key: string;
  /** O*NET-SOC code of the video shown, e.g. `99-0001.00`. */
  videoCode: string;
  title: string;
}

/** videos/career-videos.json with its `metadata` and `videos` keys, entries as the compilation writes them. */
export async function writeCareerVideos(dir: string, entries: readonly VideoFixtureEntry[], generatedAt = "2026-01-07T21:56:41.686Z"): Promise<string> {
  const name = "videos/career-videos.json";
  const cdn = "https://cdn.careeronestop.org/OccVids/OccupationVideos";
  const videos = Object.fromEntries(
    entries.map((entry) => [
      entry.key,
      { source: "careeronestop", videoUrl: `${cdn}/${entry.videoCode}.mp4`, posterUrl: `${cdn}/${entry.videoCode}.jpg`, title: entry.title, lastVerified: generatedAt.slice(0, 10) },
    ]),
  );
  const metadata = { source: "CareerOneStop CDN", generated_at: generatedAt, total_videos: entries.length, total_careers: entries.length, coverage: "100%" };
  await mkdir(path.join(dir, "videos"), { recursive: true });
  await writeFile(path.join(dir, name), `${JSON.stringify({ metadata, videos }, null, 2)}\n`);
  return name;
}

/** One year's current-dollar figures per level: [all, 4-year, 2-year] for total, tuition, room, board. */
export interface CostFixtureYear {
  year: string;
  total: readonly [number | string, number | string, number | string];
  tuition: readonly [number | string, number | string, number | string];
  room: readonly [number | string, number | string, number | string];
  board: readonly [number | string, number | string, number | string];
}

export type CostFixtureSections = Partial<Record<"All institutions" | "Public insti-\n   tutions" | "Private \n   nonprofit and\n   for-profit\n   institutions" | "  Nonprofit" | "  For-profit", readonly CostFixtureYear[]>>;

/**
 * costs/tabn330.10.xls as NCES publishes it (legacy BIFF8 .xls): a title row, the three
 * header rows, a row of column numbers, then section label rows each followed by year
 * rows; constant dollars in B–M (here the same as current), current dollars in N–Y,
 * footnotes and the "prepared" note below.
 */
export async function writeCostsTable(dir: string, sections: CostFixtureSections, edition = 2020): Promise<string> {
  const name = "costs/tabn330.10.xls";
  const groups = ["Total tuition, fees, room, and board", "Tuition and required fees\\2\\", "Dormitory rooms", "Board\\3\\"];
  const levels = ["All insti-tutions", "4-year", "2-year"];
  const rows: (string | number | null)[][] = [
    ["Table 330.10. Average undergraduate tuition, fees, room, and board rates charged for full-time students (synthetic test fixture)"],
    ["Year and control of institution", "Constant 2019-20 dollars\\1\\", ...Array(11).fill(null), "Current dollars", ...Array(11).fill(null)],
    [null, ...[...groups, ...groups].flatMap((group) => [group, null, null])],
    [null, ...Array(8).fill(levels).flat()],
    ["1", ...Array.from({ length: 24 }, (_, i) => i + 2)],
  ];
  for (const [label, years] of Object.entries(sections)) {
    rows.push([label]);
    for (const year of years ?? []) {
      const values = [...year.total, ...year.tuition, ...year.room, ...year.board];
      rows.push([`${year.year} `, ...values, ...values]);
    }
  }
  rows.push(["\\1\\Constant dollars based on the Consumer Price Index."]);
  rows.push(["NOTE: Synthetic fixture in the published layout."]);
  rows.push([`SOURCE: U.S. Department of Education, National Center for Education Statistics. (This table was prepared January ${edition + 1}.)`]);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), `Digest ${edition} Table 330.10`);
  await mkdir(path.join(dir, "costs"), { recursive: true });
  await writeFile(path.join(dir, name), XLSX.write(workbook, { type: "buffer", bookType: "biff8" }) as Buffer);
  return name;
}

/** The 2019-20 figures of the real table (current dollars), for a realistic fixture. */
export const COSTS_2019_20: CostFixtureSections = {
  "All institutions": [{ year: "2019-20", total: [25281.06, 28774.71, 11391.47], tuition: [13360.46, 16646.92, 3621.45], room: [6743.49, 6877.9, 4162.44], board: [5177.11, 5249.89, 3607.58] }],
  "Public insti-\n   tutions": [
    { year: "2018-19", total: [18383, 20598, 10822], tuition: [7238, 9212, 3313], room: [6326, 6469, 4044], board: [4819, 4917, 3465] },
    { year: "2019-20", total: [18837.06, 21035.46, 11069.21], tuition: [7410.71, 9349.17, 3377.1], room: [6482.86, 6654.89, 4108.11], board: [4943.5, 5031.4, 3584.01] },
  ],
  "Private \n   nonprofit and\n   for-profit\n   institutions": [{ year: "2019-20", total: [45570.24, 45931.6, 26748.53], tuition: [32416.72, 32769.3, 15828], room: [7396.96, 7401.48, 6333.81], board: [5756.56, 5760.82, 4586.72] }],
  "  Nonprofit": [{ year: "2019-20", total: [48823.97, 48965.22, 28425.3], tuition: [35658.93, 35806.62, 16898.06], room: [7396.27, 7397.78, 6869.82], board: [5768.76, 5760.82, 4657.42] }],
  "  For-profit": [{ year: "2019-20", total: [27562.78, 27695.86, 24960.23], tuition: [14990.65, 14956.54, 15332.66], room: [7424.3, 7558.2, "---"], board: [5147.83, 5181.12, 4320] }],
};
