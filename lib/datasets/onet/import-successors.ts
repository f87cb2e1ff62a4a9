import path from "node:path";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";
import { DatasetFileError } from "../dataset-error";
import type { ImportContext } from "../dataset-importer";
import { readCsv } from "../read-csv";
import { syncReleaseRows } from "../sync-release-rows";
import { requireKnownOccupation } from "./known-occupations";

/**
 * O*NET's taxonomy crosswalk as published on onetcenter.org/taxonomy.html (e.g.
 * `2010_to_2019_Crosswalk.csv`), dropped into the release folder whose occupations it leads to.
 */
export const ONET_CROSSWALK_FILE = /^\d{4}_to_\d{4}_Crosswalk\.csv$/i;

/** Its code columns, read by name: "O*NET-SOC 2010 Code" (earlier taxonomy) and "O*NET-SOC 2019 Code" (this release's). */
const CODE_COLUMN = /^O\*NET-SOC (\d{4}) Code$/;

/**
 * The crosswalk into `OnetSuccessor`: each earlier code with the code(s) that succeed it in
 * this release (several when O*NET split it). Rows whose code did not change are left out;
 * every successor must be an occupation of this release's `Occupation Data.txt`.
 */
export async function importSuccessors(context: ImportContext, releaseId: number, fileName: string, occupations: ReadonlySet<string>) {
  const fileLabel = `${path.basename(context.dir)}/${fileName}`;
  const records = await readCsv(path.join(context.dir, fileName), fileLabel, []);
  const columns = Object.keys(records[0]?.record ?? {}).flatMap((column) => {
    const year = CODE_COLUMN.exec(column)?.[1];
    return year ? [{ column, year: Number(year) }] : [];
  });
  if (columns.length !== 2 || columns[0]!.year === columns[1]!.year) {
    throw new DatasetFileError(fileLabel, 1, null, 'needs two code columns of different taxonomy years, as O*NET publishes them ("O*NET-SOC 2010 Code", "O*NET-SOC 2019 Code")');
  }
  const [from, to] = columns[0]!.year < columns[1]!.year ? [columns[0]!, columns[1]!] : [columns[1]!, columns[0]!];
  const seen = new Set<string>();
  const rows = records.flatMap(({ line, record }) => {
    const source = { file: fileLabel, line };
    const code = parseCode(record[from.column]!, source, from.column);
    const successorCode = parseCode(record[to.column]!, source, to.column);
    requireKnownOccupation(occupations, successorCode, source, to.column);
    // O*NET repeats a pair when titles differ only in wording: one row per pair.
    if (code === successorCode || seen.has(`${code}|${successorCode}`)) return [];
    seen.add(`${code}|${successorCode}`);
    return [{ source, row: { releaseId, code, successorCode } }];
  });
  const counts = await syncReleaseRows({ client: context.client, table: "OnetSuccessor", releaseId, key: ["releaseId", "code", "successorCode"], rows, occupationColumn: "code" });
  context.report.recordTable("onet", "OnetSuccessor", counts);
}

function parseCode(value: string, source: { file: string; line: number }, column: string): string {
  const parsed = ZOnetSocCodeSchema.safeParse(value.trim());
  if (!parsed.success) throw new DatasetFileError(source.file, source.line, column, `"${value}": ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}
