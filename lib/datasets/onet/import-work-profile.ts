import { z } from "zod";
import { ONET_FILES } from "@/lib/releases/onet-files";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";
import { ZIntegerText, ZNumberText, ZOptionalIntegerText, ZOptionalYesNo, ZText } from "../cells";
import { DatasetFileError } from "../dataset-error";
import type { ImportContext } from "../dataset-importer";
import type { RowLocation } from "../parse-row";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";
import { requireKnownOccupation } from "./known-occupations";
import { readOnetFile } from "./read-onet-file";
import { countSkipped, type SkippedRows } from "./skipped-rows";

/**
 * Work Styles.txt in both published layouts: 29.x (IM importance, with N, standard error,
 * confidence bounds and Recommend Suppress) and 30.x (7 columns: WI impact and DR
 * distinctiveness rank, no suppression flag). Columns only one layout has are optional.
 */
const ZWorkStylesRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Element ID": ZText,
  "Element Name": ZText,
  "Scale ID": z.enum(["IM", "WI", "DR"], "expected IM (O*NET 29.x layout), WI or DR (30.x layout)"),
  "Data Value": ZNumberText,
  "Recommend Suppress": ZOptionalYesNo.optional(),
});

/** Work Values.txt: EX (extent) per work value and VH (the three high points, not stored). */
const ZWorkValuesRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Element ID": ZText,
  "Element Name": ZText,
  "Scale ID": z.enum(["EX", "VH"], "expected EX or VH"),
  "Data Value": ZNumberText,
});

/** Work Context.txt: CX / CT means, CXP / CTP percentages per response category. */
const ZWorkContextRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Element ID": ZText,
  "Element Name": ZText,
  "Scale ID": z.enum(["CX", "CXP", "CT", "CTP"], "expected CX, CXP, CT or CTP"),
  Category: ZOptionalIntegerText,
  "Data Value": ZNumberText,
  "Recommend Suppress": ZOptionalYesNo,
  "Not Relevant": ZOptionalYesNo,
});

/** Work Context Categories.txt: what each response category of a context element means. */
const ZWorkContextCategoryRow = z.object({
  "Element ID": ZText,
  "Element Name": ZText,
  "Scale ID": z.enum(["CXP", "CTP"], "expected CXP or CTP"),
  Category: ZIntegerText,
  "Category Description": ZText,
});

const ZContentModelRow = z.object({ "Element ID": ZText, "Element Name": ZText, Description: ZText });

/** The range O*NET publishes each scale on (Scales Reference.txt): a value outside it is a damaged file. */
const SCALE_RANGES: Record<string, [number, number]> = { IM: [1, 5], WI: [-3, 3], DR: [0, 10], EX: [1, 7], CX: [1, 5], CT: [1, 3], CXP: [0, 100], CTP: [0, 100] };

type WorkProfileDomain = "WORK_STYLE" | "WORK_VALUE" | "WORK_CONTEXT";

type WorkProfileRow = {
  releaseId: number;
  occupationCode: string;
  domain: WorkProfileDomain;
  elementId: string;
  elementName: string;
  scale: string;
  value: number;
  distinctiveness: number | null;
  topCategory: number | null;
  topCategoryLabel: string | null;
  topCategoryPercent: number | null;
  suppressed: boolean;
};

/** Work Styles, Work Values and Work Context (each optional) into `WorkProfileScore`, one sync. */
export async function importWorkProfile(context: ImportContext, releaseId: number, occupations: ReadonlySet<string>) {
  const skipped: SkippedRows = new Map();
  const rows: SourcedRow<WorkProfileRow>[] = [];
  const styles = await readOnetFile(context, ONET_FILES.workStyles, ZWorkStylesRow, { optional: true });
  if (styles) rows.push(...workStyles(styles, releaseId, occupations));
  const values = await readOnetFile(context, ONET_FILES.workValues, ZWorkValuesRow, { optional: true });
  if (values) rows.push(...workValues(values, releaseId, occupations, skipped));
  const contextRows = await readOnetFile(context, ONET_FILES.workContext, ZWorkContextRow, { optional: true });
  if (contextRows) {
    const categories = await readOnetFile(context, ONET_FILES.workContextCategories, ZWorkContextCategoryRow, { optional: true });
    rows.push(...workContext(contextRows, categoryLabels(categories ?? []), releaseId, occupations));
  }
  const counts = await syncReleaseRows({
    client: context.client,
    table: "WorkProfileScore",
    releaseId,
    key: ["releaseId", "occupationCode", "domain", "elementId"],
    rows,
  });
  context.report.recordTable("onet", "WorkProfileScore", counts, skipped);
}

/** Content Model Reference.txt: every element's name and description (Work Styles and Values show them). */
export async function importContentModel(context: ImportContext, releaseId: number) {
  const rows = (await readOnetFile(context, ONET_FILES.contentModel, ZContentModelRow))!;
  const counts = await syncReleaseRows({
    client: context.client,
    table: "ContentModelElement",
    releaseId,
    key: ["releaseId", "elementId"],
    rows: rows.map(({ row, source }) => ({ source, row: { releaseId, elementId: row["Element ID"], name: row["Element Name"], description: row.Description } })),
  });
  context.report.recordTable("onet", "ContentModelElement", counts);
}

function requireInRange(scale: string, value: number, source: RowLocation) {
  const [min, max] = SCALE_RANGES[scale]!;
  if (value < min || value > max) throw new DatasetFileError(source.file, source.line, "Data Value", `${value} is outside the ${scale} scale (${min} to ${max})`);
}

/** One entry per occupation and element, refusing a second row on the same scale (it would silently replace the first). */
class Folded<Entry> {
  private readonly entries = new Map<string, { entry: Entry; source: RowLocation; lines: Map<string, number> }>();

  take(key: string, scale: string, source: RowLocation, make: () => Entry): Entry {
    let found = this.entries.get(key);
    if (!found) {
      found = { entry: make(), source, lines: new Map() };
      this.entries.set(key, found);
    }
    const earlier = found.lines.get(scale);
    if (earlier !== undefined) throw new DatasetFileError(source.file, source.line, "Scale ID", `repeats the ${scale} row of ${key.replace("|", " for element ")} (already on line ${earlier})`);
    found.lines.set(scale, source.line);
    return found.entry;
  }

  values() {
    return [...this.entries.values()];
  }
}

function workStyles(fileRows: readonly SourcedRow<z.output<typeof ZWorkStylesRow>>[], releaseId: number, occupations: ReadonlySet<string>): SourcedRow<WorkProfileRow>[] {
  const layout = fileRows[0]!.row["Scale ID"] === "IM" ? "29" : "30";
  const folded = new Folded<WorkProfileRow & { hasImpact: boolean }>();
  for (const { row, source } of fileRows) {
    const code = row["O*NET-SOC Code"];
    requireKnownOccupation(occupations, code, source);
    const scale = row["Scale ID"];
    // One file is one layout: IM rows beside WI/DR rows mean two files were run together.
    if ((scale === "IM") !== (layout === "29")) {
      throw new DatasetFileError(source.file, source.line, "Scale ID", `is ${scale} in a file whose first row is ${layout === "29" ? "IM (the 29.x layout)" : "WI/DR (the 30.x layout)"}`);
    }
    if (layout === "29" && row["Recommend Suppress"] === undefined) {
      throw new DatasetFileError(source.file, 1, "Recommend Suppress", "is missing: IM ratings come in O*NET's 29.x layout, which has it");
    }
    requireInRange(scale, row["Data Value"], source);
    const entry = folded.take(`${code}|${row["Element ID"]}`, scale, source, () => ({
      ...emptyRow(releaseId, "WORK_STYLE", code, row["Element ID"], row["Element Name"]),
      hasImpact: false,
    }));
    if (scale === "DR") {
      if (!Number.isInteger(row["Data Value"])) throw new DatasetFileError(source.file, source.line, "Data Value", `a distinctiveness rank is a whole number from 0 to 10, not ${row["Data Value"]}`);
      entry.distinctiveness = row["Data Value"] === 0 ? null : row["Data Value"];
    } else {
      entry.scale = scale;
      entry.value = row["Data Value"];
      entry.hasImpact = true;
      entry.suppressed = row["Recommend Suppress"] === true;
    }
  }
  return folded.values().map(({ entry: { hasImpact, ...row }, source }) => {
    if (!hasImpact) throw new DatasetFileError(source.file, source.line, "Scale ID", `has a DR rank for ${row.elementId} of ${row.occupationCode} but no WI impact row`);
    return { row, source };
  });
}

function workValues(
  fileRows: readonly SourcedRow<z.output<typeof ZWorkValuesRow>>[],
  releaseId: number,
  occupations: ReadonlySet<string>,
  skipped: SkippedRows,
): SourcedRow<WorkProfileRow>[] {
  const folded = new Folded<WorkProfileRow>();
  for (const { row, source } of fileRows) {
    const code = row["O*NET-SOC Code"];
    requireKnownOccupation(occupations, code, source);
    if (row["Scale ID"] === "VH") {
      countSkipped(skipped, `${source.file} rows on scale VH (the high points; each value's EX extent is stored)`);
      continue;
    }
    requireInRange("EX", row["Data Value"], source);
    const entry = folded.take(`${code}|${row["Element ID"]}`, "EX", source, () => emptyRow(releaseId, "WORK_VALUE", code, row["Element ID"], row["Element Name"]));
    entry.scale = "EX";
    entry.value = row["Data Value"];
  }
  return folded.values().map(({ entry, source }) => ({ row: entry, source }));
}

function categoryLabels(rows: readonly SourcedRow<z.output<typeof ZWorkContextCategoryRow>>[]): Map<string, string> {
  return new Map(rows.map(({ row }) => [`${row["Element ID"]}|${row["Scale ID"]}|${row.Category}`, row["Category Description"]]));
}

/** Each element's mean (CX or CT) and the category most respondents chose (the highest CXP/CTP share). */
function workContext(
  fileRows: readonly SourcedRow<z.output<typeof ZWorkContextRow>>[],
  labels: ReadonlyMap<string, string>,
  releaseId: number,
  occupations: ReadonlySet<string>,
): SourcedRow<WorkProfileRow>[] {
  const folded = new Folded<WorkProfileRow & { hasMean: boolean }>();
  for (const { row, source } of fileRows) {
    const code = row["O*NET-SOC Code"];
    requireKnownOccupation(occupations, code, source);
    const scale = row["Scale ID"];
    const percentScale = scale === "CXP" || scale === "CTP";
    if (percentScale && row.Category === null) throw new DatasetFileError(source.file, source.line, "Category", `a ${scale} row needs its response category (a whole number)`);
    requireInRange(scale, row["Data Value"], source);
    const entry = folded.take(`${code}|${row["Element ID"]}`, percentScale ? `${scale} category ${row.Category}` : scale, source, () => ({
      ...emptyRow(releaseId, "WORK_CONTEXT", code, row["Element ID"], row["Element Name"]),
      hasMean: false,
    }));
    if (percentScale) {
      if (entry.topCategoryPercent === null || row["Data Value"] > entry.topCategoryPercent) {
        entry.topCategory = row.Category;
        entry.topCategoryPercent = row["Data Value"];
        entry.topCategoryLabel = labels.get(`${row["Element ID"]}|${scale}|${row.Category}`) ?? null;
      }
    } else {
      entry.scale = scale;
      entry.value = row["Data Value"];
      entry.hasMean = true;
      entry.suppressed = row["Recommend Suppress"] === true;
    }
  }
  return folded.values().map(({ entry: { hasMean, ...row }, source }) => {
    if (!hasMean) throw new DatasetFileError(source.file, source.line, "Scale ID", `has response shares for ${row.elementId} of ${row.occupationCode} but no CX or CT mean row`);
    return { row, source };
  });
}

function emptyRow(releaseId: number, domain: WorkProfileDomain, occupationCode: string, elementId: string, elementName: string): WorkProfileRow {
  return {
    releaseId,
    occupationCode,
    domain,
    elementId,
    elementName,
    scale: "",
    value: 0,
    distinctiveness: null,
    topCategory: null,
    topCategoryLabel: null,
    topCategoryPercent: null,
    suppressed: false,
  };
}
