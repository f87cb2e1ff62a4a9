import { z } from "zod";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";
import { ZIntegerText, ZNumberText, ZOptionalIntegerText, ZOptionalYesNo, ZText } from "../cells";
import { DatasetFileError } from "../dataset-error";
import type { ImportContext } from "../dataset-importer";
import type { RowLocation } from "../parse-row";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";
import { requireKnownOccupation } from "./known-occupations";
import { readOnetFile } from "./read-onet-file";
import { countSkipped, type SkippedRows } from "./skipped-rows";

const ZEducationTrainingExperienceRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Element ID": ZText,
  "Scale ID": ZText,
  Category: ZOptionalIntegerText,
  "Data Value": ZNumberText,
  "Recommend Suppress": ZOptionalYesNo,
});
type EducationTrainingExperienceRow = z.output<typeof ZEducationTrainingExperienceRow>;

const ZEducationCategoriesRow = z.object({
  "Element ID": ZText,
  "Scale ID": ZText,
  Category: ZIntegerText,
  "Category Description": ZText,
});

type EducationDistributionRow = {
  releaseId: number;
  occupationCode: string;
  scaleId: string;
  category: number;
  categoryLabel: string;
  percent: number;
  suppressed: boolean;
};

/** What the Categories file says: each category's label, and which scales have categories at all. */
interface CategoryLabels {
  labels: Map<string, string>;
  scales: Set<string>;
}

/**
 * `Education, Training, and Experience.txt` into `EducationDistribution`: the share of
 * respondents per category of the RL, RW, PT and OJ scales, labelled from the Categories
 * file. Rows on scales without categories (29.3's IM certification/apprenticeship rows)
 * are counted as skipped.
 */
export async function importEducationDistribution(context: ImportContext, releaseId: number, occupations: ReadonlySet<string>) {
  const categories = await readCategoryLabels(context);
  const skipped: SkippedRows = new Map();
  const rows: SourcedRow<EducationDistributionRow>[] = [];
  for (const { row, source } of (await readOnetFile(context, "Education, Training, and Experience.txt", ZEducationTrainingExperienceRow))!) {
    requireKnownOccupation(occupations, row["O*NET-SOC Code"], source);
    if (!categories.scales.has(row["Scale ID"])) {
      countSkipped(skipped, `scale ${row["Scale ID"]} rows (the Categories file has no categories for it)`);
      continue;
    }
    rows.push({ source, row: distributionRow(releaseId, row, labelledCategory(categories, row, source)) });
  }
  const counts = await syncReleaseRows({
    client: context.client,
    table: "EducationDistribution",
    releaseId,
    key: ["releaseId", "occupationCode", "scaleId", "category"],
    rows,
  });
  context.report.recordTable("onet", "EducationDistribution", counts, skipped);
}

async function readCategoryLabels(context: ImportContext): Promise<CategoryLabels> {
  const rows = (await readOnetFile(context, "Education, Training, and Experience Categories.txt", ZEducationCategoriesRow))!;
  const labels = new Map<string, string>();
  const scales = new Set<string>();
  const lines = new Map<string, number>();
  for (const { row, source } of rows) {
    const key = categoryKey(row["Element ID"], row["Scale ID"], row.Category);
    // A second label for the same category would silently replace the first.
    const earlier = lines.get(key);
    if (earlier !== undefined) throw new DatasetFileError(source.file, source.line, "Category", `repeats category ${row.Category} of ${row["Element ID"]} ${row["Scale ID"]}, already on line ${earlier}`);
    lines.set(key, source.line);
    labels.set(key, row["Category Description"]);
    scales.add(row["Scale ID"]);
  }
  return { labels, scales };
}

function categoryKey(elementId: string, scaleId: string, category: number): string {
  return `${elementId}|${scaleId}|${category}`;
}

/** The row's category with its label; a category the Categories file lacks is an error in the file. */
function labelledCategory(categories: CategoryLabels, row: EducationTrainingExperienceRow, source: RowLocation): { category: number; label: string } {
  const category = row.Category;
  if (category === null) {
    throw new DatasetFileError(source.file, source.line, "Category", `is n/a, but scale ${row["Scale ID"]} has categories`);
  }
  const label = categories.labels.get(categoryKey(row["Element ID"], row["Scale ID"], category));
  if (label === undefined) {
    throw new DatasetFileError(
      source.file,
      source.line,
      "Category",
      `category ${category} of element ${row["Element ID"]}, scale ${row["Scale ID"]} is not in Education, Training, and Experience Categories.txt`,
    );
  }
  return { category, label };
}

function distributionRow(
  releaseId: number,
  row: EducationTrainingExperienceRow,
  { category, label }: { category: number; label: string },
): EducationDistributionRow {
  return {
    releaseId,
    occupationCode: row["O*NET-SOC Code"],
    scaleId: row["Scale ID"],
    category,
    categoryLabel: label,
    percent: row["Data Value"],
    suppressed: row["Recommend Suppress"] === true,
  };
}
