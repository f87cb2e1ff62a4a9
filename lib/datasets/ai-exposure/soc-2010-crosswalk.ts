import path from "node:path";
import { z } from "zod";
import { ZCellText, ZSocCode } from "../cells";
import type { ImportContext } from "../dataset-importer";
import { parseRow } from "../parse-row";
import { readWorkbookSheet } from "../read-workbook";

export const SOC_2010_CROSSWALK_FILE = "bls/soc_2010_to_2018_crosswalk.xlsx";
const SHEET = "Sorted by 2010";
const HEADER_ROW = 9;

/** BLS writes `(#)` after a 2010 title that splits and `(##)` after a 2018 title that receives several codes. */
const withoutMarkers = (text: string) => text.replace(/\s*\(#{1,2}\)\s*/g, " ").trim();
const ZCrosswalkCode = ZCellText.transform(withoutMarkers).pipe(ZSocCode);
const ZCrosswalkTitle = ZCellText.transform(withoutMarkers);

const ZSoc2010CrosswalkRow = z.object({
  "2010 SOC Code": ZCrosswalkCode,
  "2010 SOC Title": ZCrosswalkTitle,
  "2018 SOC Code": ZCrosswalkCode,
  "2018 SOC Title": ZCrosswalkTitle,
});

const REPEATED_CROSSWALK_PAIR = "SOC 2010 → 2018 pair listed twice in the crosswalk";

/**
 * SOC 2010 code → its SOC 2018 successor codes, from BLS's official crosswalk. A pair listed
 * twice is kept once and counted in `skipped` (it would otherwise count twice in a mean).
 */
export async function readSoc2010Crosswalk(context: ImportContext, skipped: Map<string, number>): Promise<Map<string, string[]>> {
  const records = await readWorkbookSheet(path.join(context.dir, SOC_2010_CROSSWALK_FILE), SOC_2010_CROSSWALK_FILE, SHEET, HEADER_ROW, Object.keys(ZSoc2010CrosswalkRow.shape));
  const successors = new Map<string, string[]>();
  for (const { line, record } of records) {
    const row = parseRow(ZSoc2010CrosswalkRow, record, { file: `${SOC_2010_CROSSWALK_FILE} [${SHEET}]`, line });
    const list = successors.get(row["2010 SOC Code"]) ?? [];
    if (list.includes(row["2018 SOC Code"])) skipped.set(REPEATED_CROSSWALK_PAIR, (skipped.get(REPEATED_CROSSWALK_PAIR) ?? 0) + 1);
    else list.push(row["2018 SOC Code"]);
    successors.set(row["2010 SOC Code"], list);
  }
  return successors;
}
