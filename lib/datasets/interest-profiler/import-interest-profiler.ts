import path from "node:path";
import { z } from "zod";
import { ZText } from "../cells";
import { DatasetFileError } from "../dataset-error";
import type { DatasetImporter, ImportContext } from "../dataset-importer";
import { detectOnetRelease } from "../onet/onet-release";
import { parseRow } from "../parse-row";
import { readTabSeparated } from "../read-tab-separated";
import { describeFiles, registerRelease } from "../register-release";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";

/**
 * The O*NET release folder that carries the Interest Profiler files (29.3 in `onet/` has
 * none of them); point it at a newer release's folder when one is added.
 */
export const INTEREST_PROFILER_DIR = "onet-30.1";

const FILES = {
  activities: "Interests Illustrative Activities.txt",
  keywords: "RIASEC Keywords.txt",
  basicInterests: "Basic Interests to RIASEC.txt",
  contentModel: "Content Model Reference.txt",
} as const;

/** The six RIASEC areas' element IDs, in O*NET's order. */
const RIASEC_ELEMENT = z.enum(["1.B.1.a", "1.B.1.b", "1.B.1.c", "1.B.1.d", "1.B.1.e", "1.B.1.f"], "expected a RIASEC element ID (1.B.1.a to 1.B.1.f)");

const ZActivityRow = z.object({
  "Element ID": ZText,
  "Element Name": ZText,
  "Interest Type": z.enum(["General", "Basic"], "expected General or Basic"),
  Activity: ZText,
});

const ZKeywordRow = z.object({
  "Element ID": RIASEC_ELEMENT,
  "Element Name": ZText,
  Keyword: ZText,
  "Keyword Type": z.enum(["Action", "Object"], "expected Action or Object"),
});

const ZBasicInterestRow = z.object({
  "Basic Interests Element ID": ZText,
  "Basic Interests Element Name": ZText,
  "RIASEC Element ID": RIASEC_ELEMENT,
  "RIASEC Element Name": ZText,
});

const ZContentModelRow = z.object({ "Element ID": ZText, "Element Name": ZText, Description: ZText });

/**
 * O*NET's Interest Profiler material (illustrative activities, RIASEC keywords, basic
 * interests → RIASEC) and the RIASEC areas' descriptions from the Content Model Reference,
 * from the release folder INTEREST_PROFILER_DIR. Skipped, with the runner's "not found"
 * notice, when that folder lacks them. Tab-separated, LF or CRLF.
 */
export const interestProfilerImporter: DatasetImporter = {
  dataset: "onet-interest-profiler",
  requiredFiles: Object.values(FILES).map((file) => `${INTEREST_PROFILER_DIR}/${file}`),
  async import(context) {
    const onet = await detectOnetRelease(path.join(context.dir, INTEREST_PROFILER_DIR));
    const { releaseId } = await registerRelease(
      context.client,
      { ...onet, dataset: "onet-interest-profiler", name: "O*NET Interest Profiler material (O*NET Database)" },
      await describeFiles(context.dir, Object.values(FILES).map((file) => `${INTEREST_PROFILER_DIR}/${file}`)),
    );
    const activities = await readProfilerFile(context, FILES.activities, ZActivityRow);
    const keywords = await readProfilerFile(context, FILES.keywords, ZKeywordRow);
    const basicInterests = await readProfilerFile(context, FILES.basicInterests, ZBasicInterestRow);
    const contentModel = await readProfilerFile(context, FILES.contentModel, ZContentModelRow);
    requireEveryArea(activities.filter(({ row }) => row["Interest Type"] === "General").map(({ row }) => row["Element ID"]), `${INTEREST_PROFILER_DIR}/${FILES.activities}`, "General activities");
    rejectRepeatedElements(contentModel);
    const areas = contentModel.filter(({ row }) => RIASEC_ELEMENT.safeParse(row["Element ID"]).success);
    requireEveryArea(areas.map(({ row }) => row["Element ID"]), `${INTEREST_PROFILER_DIR}/${FILES.contentModel}`, "descriptions");

    const sync = async <Row extends Record<string, string | number>>(table: string, key: (keyof Row & string)[], rows: SourcedRow<Row>[]) =>
      context.report.recordTable("onet-interest-profiler", table, await syncReleaseRows({ client: context.client, table, releaseId, key, rows }));
    await sync(
      "InterestActivity",
      ["releaseId", "elementId", "activity"],
      activities.map(({ row, source }, index) => ({
        source,
        row: { releaseId, position: index + 1, elementId: row["Element ID"], elementName: row["Element Name"], interestType: row["Interest Type"], activity: row.Activity },
      })),
    );
    await sync(
      "RiasecKeyword",
      ["releaseId", "elementId", "keyword"],
      keywords.map(({ row, source }, index) => ({
        source,
        row: { releaseId, elementId: row["Element ID"], elementName: row["Element Name"], keyword: row.Keyword, keywordType: row["Keyword Type"], position: index + 1 },
      })),
    );
    await sync(
      "BasicInterestArea",
      ["releaseId", "basicElementId", "riasecElementId"],
      basicInterests.map(({ row, source }) => ({
        source,
        row: {
          releaseId,
          basicElementId: row["Basic Interests Element ID"],
          basicElementName: row["Basic Interests Element Name"],
          riasecElementId: row["RIASEC Element ID"],
          riasecElementName: row["RIASEC Element Name"],
        },
      })),
    );
    await sync(
      "RiasecArea",
      ["releaseId", "elementId"],
      areas.map(({ row, source }) => ({ source, row: { releaseId, elementId: row["Element ID"], name: row["Element Name"], description: row.Description } })),
    );
  },
};

async function readProfilerFile<TSchema extends z.ZodObject>(context: ImportContext, fileName: string, schema: TSchema): Promise<SourcedRow<z.output<TSchema>>[]> {
  const fileLabel = `${INTEREST_PROFILER_DIR}/${fileName}`;
  const progress = context.report.progress(fileLabel);
  const rows = await readTabSeparated(path.join(context.dir, INTEREST_PROFILER_DIR, fileName), fileLabel, Object.keys(schema.shape));
  const parsed = rows.map(({ line, record }) => {
    const source = { file: fileLabel, line };
    return { row: parseRow(schema, record, source), source };
  });
  progress.advance(rows.length);
  progress.finish();
  return parsed;
}

/** A profile needs all six areas: a file that leaves one out is refused, not half-used. */
function requireEveryArea(elementIds: readonly string[], fileLabel: string, what: string) {
  const present = new Set(elementIds);
  const missing = RIASEC_ELEMENT.options.filter((id) => !present.has(id));
  if (missing.length > 0) throw new DatasetFileError(fileLabel, null, "Element ID", `has no ${what} for RIASEC area(s) ${missing.join(", ")}`);
}

/** The Content Model Reference lists each element once; a repeated one (even of an element not kept) means a damaged file. */
function rejectRepeatedElements(rows: readonly SourcedRow<{ "Element ID": string }>[]) {
  const lines = new Map<string, number>();
  for (const { row, source } of rows) {
    const earlier = lines.get(row["Element ID"]);
    if (earlier !== undefined) throw new DatasetFileError(source.file, source.line, "Element ID", `repeats element ${row["Element ID"]} (already on line ${earlier})`);
    lines.set(row["Element ID"], source.line);
  }
}
