import { z } from "zod";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";
import { ZIntegerText, ZText, ZYesNo } from "../cells";
import type { ImportContext } from "../dataset-importer";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";
import { requireKnownOccupation } from "./known-occupations";
import { readOnetFile } from "./read-onet-file";
import { keepFirstOfEachKey, type SkippedRows } from "./skipped-rows";

const ZToolsUsedRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  Example: ZText,
  "Commodity Code": ZIntegerText,
  "Commodity Title": ZText,
});

const ZTechnologySkillsRow = ZToolsUsedRow.extend({
  "Hot Technology": ZYesNo,
  "In Demand": ZYesNo,
});

const REPEATED_EXAMPLE = "example repeated for the same occupation and commodity (first kept)";

// Technology Skills and Tools Used share a layout (an example per occupation and UNSPSC
// commodity), its checks and its key.
function commodityExample(releaseId: number, occupations: ReadonlySet<string>, { row, source }: SourcedRow<z.output<typeof ZToolsUsedRow>>) {
  requireKnownOccupation(occupations, row["O*NET-SOC Code"], source);
  return {
    releaseId,
    occupationCode: row["O*NET-SOC Code"],
    example: row.Example,
    commodityCode: row["Commodity Code"],
    commodityTitle: row["Commodity Title"],
  };
}

async function syncCommodityExamples<Row extends ReturnType<typeof commodityExample>>(context: ImportContext, table: "TechnologySkill" | "ToolUsed", releaseId: number, rows: SourcedRow<Row>[]) {
  const skipped: SkippedRows = new Map();
  const counts = await syncReleaseRows({
    client: context.client,
    table,
    releaseId,
    key: ["releaseId", "occupationCode", "commodityCode", "example"],
    rows: keepFirstOfEachKey(rows, (row) => `${row.occupationCode}|${row.commodityCode}|${row.example}`, skipped, REPEATED_EXAMPLE),
  });
  context.report.recordTable("onet", table, counts, skipped);
}

/** `Technology Skills.txt` into `TechnologySkill`, with its hot-technology and in-demand marks. */
export async function importTechnologySkills(context: ImportContext, releaseId: number, occupations: ReadonlySet<string>) {
  const rows = (await readOnetFile(context, "Technology Skills.txt", ZTechnologySkillsRow))!.map((sourced) => ({
    source: sourced.source,
    row: { ...commodityExample(releaseId, occupations, sourced), hotTechnology: sourced.row["Hot Technology"], inDemand: sourced.row["In Demand"] },
  }));
  await syncCommodityExamples(context, "TechnologySkill", releaseId, rows);
}

/** `Tools Used.txt` into `ToolUsed`. */
export async function importToolsUsed(context: ImportContext, releaseId: number, occupations: ReadonlySet<string>) {
  const rows = (await readOnetFile(context, "Tools Used.txt", ZToolsUsedRow))!.map((sourced) => ({ source: sourced.source, row: commodityExample(releaseId, occupations, sourced) }));
  await syncCommodityExamples(context, "ToolUsed", releaseId, rows);
}
