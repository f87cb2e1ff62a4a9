import { z } from "zod";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";
import { ZNumberText, ZOptionalYesNo, ZText } from "../cells";
import { DatasetFileError } from "../dataset-error";
import type { ImportContext } from "../dataset-importer";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";
import { requireKnownOccupation } from "./known-occupations";
import { readOnetFile } from "./read-onet-file";
import { countSkipped, type SkippedRows } from "./skipped-rows";

/** Skills.txt; Knowledge.txt, Abilities.txt and Work Activities.txt have the same columns. */
const ZSkillsRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Element ID": ZText,
  "Element Name": ZText,
  "Scale ID": ZText,
  "Data Value": ZNumberText,
  "Recommend Suppress": ZOptionalYesNo,
  "Not Relevant": ZOptionalYesNo,
});
type SkillsRow = z.output<typeof ZSkillsRow>;

const ZInterestsRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Element ID": ZText,
  "Element Name": ZText,
  "Scale ID": ZText,
  "Data Value": ZNumberText,
});

type RatingDomain = "SKILL" | "KNOWLEDGE" | "ABILITY" | "WORK_ACTIVITY" | "INTEREST";

type RatingRow = {
  releaseId: number;
  occupationCode: string;
  domain: RatingDomain;
  elementId: string;
  elementName: string;
  importance: number | null;
  level: number | null;
  suppressed: boolean;
  notRelevant: boolean;
};

/** The files rated on importance (IM) and level (LV), one element per row and scale. */
/** Each is optional: a release without one (30.1 as shared here has no Skills) leaves that domain to an older release. */
const IMPORTANCE_LEVEL_FILES: readonly { file: string; domain: RatingDomain }[] = [
  { file: "Skills.txt", domain: "SKILL" },
  { file: "Knowledge.txt", domain: "KNOWLEDGE" },
  { file: "Abilities.txt", domain: "ABILITY" },
  { file: "Work Activities.txt", domain: "WORK_ACTIVITY" },
];

/** Loads every rating file present into `Rating` in one sync (all domains share the table). */
export async function importRatings(context: ImportContext, releaseId: number, occupations: ReadonlySet<string>) {
  const skipped: SkippedRows = new Map();
  const rows: SourcedRow<RatingRow>[] = [];
  for (const { file, domain } of IMPORTANCE_LEVEL_FILES) {
    const fileRows = await readOnetFile(context, file, ZSkillsRow, { optional: true });
    if (fileRows) rows.push(...foldImportanceAndLevel(fileRows, { releaseId, domain, occupations, skipped }));
  }
  const interestRows = await readOnetFile(context, "Interests.txt", ZInterestsRow, { optional: true });
  if (interestRows) rows.push(...interestScores(interestRows, { releaseId, occupations, skipped }));

  const counts = await syncReleaseRows({
    client: context.client,
    table: "Rating",
    releaseId,
    key: ["releaseId", "occupationCode", "domain", "elementId"],
    rows,
  });
  context.report.recordTable("onet", "Rating", counts, skipped);
}

interface FoldOptions {
  releaseId: number;
  domain: RatingDomain;
  occupations: ReadonlySet<string>;
  skipped: SkippedRows;
}

/**
 * One Rating per occupation and element: importance from the IM row, level from the LV
 * row; suppressed when O*NET recommends suppressing either, not relevant as the LV row says.
 */
function foldImportanceAndLevel(fileRows: readonly SourcedRow<SkillsRow>[], options: FoldOptions): SourcedRow<RatingRow>[] {
  const folded = new Map<string, SourcedRow<RatingRow> & { lines: Partial<Record<"IM" | "LV", number>> }>();
  for (const { row, source } of fileRows) {
    const code = row["O*NET-SOC Code"];
    requireKnownOccupation(options.occupations, code, source);
    const scale = row["Scale ID"];
    if (scale !== "IM" && scale !== "LV") {
      countSkipped(options.skipped, `${source.file} rows on scale ${scale} (only IM and LV are stored)`);
      continue;
    }
    const key = `${code}|${row["Element ID"]}`;
    let entry = folded.get(key);
    if (!entry) {
      entry = { source, lines: {}, row: emptyRating(options.releaseId, options.domain, code, row) };
      folded.set(key, entry);
    }
    const earlierLine = entry.lines[scale];
    if (earlierLine !== undefined) {
      throw new DatasetFileError(source.file, source.line, "Scale ID", `repeats the ${scale} rating of element ${row["Element ID"]} for ${code} (already on line ${earlierLine})`);
    }
    entry.lines[scale] = source.line;
    applyScale(entry.row, scale, row);
  }
  return [...folded.values()].map(({ row, source }) => ({ row, source }));
}

function emptyRating(releaseId: number, domain: RatingDomain, code: string, row: SkillsRow): RatingRow {
  return {
    releaseId,
    occupationCode: code,
    domain,
    elementId: row["Element ID"],
    elementName: row["Element Name"],
    importance: null,
    level: null,
    suppressed: false,
    notRelevant: false,
  };
}

function applyScale(rating: RatingRow, scale: "IM" | "LV", row: SkillsRow) {
  if (scale === "IM") rating.importance = row["Data Value"];
  else {
    rating.level = row["Data Value"];
    rating.notRelevant = row["Not Relevant"] === true;
  }
  if (row["Recommend Suppress"] === true) rating.suppressed = true;
}

/** Interests.txt: the OI score of each RIASEC element, kept in `importance`; high-point (IH) rows are not stored. */
function interestScores(
  fileRows: readonly SourcedRow<z.output<typeof ZInterestsRow>>[],
  options: Omit<FoldOptions, "domain">,
): SourcedRow<RatingRow>[] {
  const rows: SourcedRow<RatingRow>[] = [];
  for (const { row, source } of fileRows) {
    requireKnownOccupation(options.occupations, row["O*NET-SOC Code"], source);
    if (row["Scale ID"] !== "OI") {
      countSkipped(options.skipped, `${source.file} rows on scale ${row["Scale ID"]} (only OI scores are stored)`);
      continue;
    }
    rows.push({
      source,
      row: {
        releaseId: options.releaseId,
        occupationCode: row["O*NET-SOC Code"],
        domain: "INTEREST",
        elementId: row["Element ID"],
        elementName: row["Element Name"],
        importance: row["Data Value"],
        level: null,
        suppressed: false,
        notRelevant: false,
      },
    });
  }
  return rows;
}
