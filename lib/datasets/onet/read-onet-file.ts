import { access } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { ImportContext } from "../dataset-importer";
import { parseRow } from "../parse-row";
import { readTabSeparated } from "../read-tab-separated";
import type { SourcedRow } from "../sync-release-rows";

/**
 * Reads and validates every row of one O*NET text file of the release folder `context.dir`
 * (`onet/`, `onet-30.1/`, ...), with a progress line. Returns null for an optional file that
 * is not there. Every column of `schema` must be in the header, except those whose schema is optional.
 */
export async function readOnetFile<TSchema extends z.ZodObject>(
  context: ImportContext,
  fileName: string,
  schema: TSchema,
  options: { optional?: boolean } = {},
): Promise<SourcedRow<z.output<TSchema>>[] | null> {
  const fullPath = path.join(context.dir, fileName);
  if (options.optional) {
    try {
      await access(fullPath);
    } catch {
      return null;
    }
  }
  const fileLabel = `${path.basename(context.dir)}/${fileName}`;
  const progress = context.report.progress(fileLabel);
  // A column whose schema is optional may be absent (Work Styles' 29.x columns that 30.x dropped).
  const required = Object.entries(schema.shape).flatMap(([column, cell]) => (cell instanceof z.ZodOptional ? [] : [column]));
  const rows = await readTabSeparated(fullPath, fileLabel, required);
  const parsed = rows.map(({ line, record }, index) => {
    if (index % 5000 === 4999) progress.advance(5000);
    const source = { file: fileLabel, line };
    return { row: parseRow(schema, record, source), source };
  });
  progress.advance(rows.length % 5000);
  progress.finish();
  return parsed;
}
