import { z } from "zod";
import { ZIntegerText, ZOnetCode, ZText, ZYesNo } from "../cells";
import type { ImportContext } from "../dataset-importer";
import { syncReleaseRows } from "../sync-release-rows";
import { requireKnownOccupation } from "./known-occupations";
import { readOnetFile } from "./read-onet-file";
import { keepFirstOfEachKey, type SkippedRows } from "./skipped-rows";

const ZTechnologySkillsRow = z.object({
  "O*NET-SOC Code": ZOnetCode,
  Example: ZText,
  "Commodity Code": ZIntegerText,
  "Commodity Title": ZText,
  "Hot Technology": ZYesNo,
  "In Demand": ZYesNo,
});

const ZToolsUsedRow = z.object({
  "O*NET-SOC Code": ZOnetCode,
  Example: ZText,
  "Commodity Code": ZIntegerText,
  "Commodity Title": ZText,
});

const REPEATED_EXAMPLE = "example repeated for the same occupation and commodity (first kept)";

function exampleKey(row: { occupationCode: string; commodityCode: number; example: string }): string {
  return `${row.occupationCode}|${row.commodityCode}|${row.example}`;
}

/** `Technology Skills.txt` into `TechnologySkill`. */
export async function importTechnologySkills(context: ImportContext, releaseId: number, occupations: ReadonlySet<string>) {
  const skipped: SkippedRows = new Map();
  const parsed = (await readOnetFile(context, "Technology Skills.txt", ZTechnologySkillsRow))!.map(({ row, source }) => {
    requireKnownOccupation(occupations, row["O*NET-SOC Code"], source);
    return {
      source,
      row: {
        releaseId,
        occupationCode: row["O*NET-SOC Code"],
        example: row.Example,
        commodityCode: row["Commodity Code"],
        commodityTitle: row["Commodity Title"],
        hotTechnology: row["Hot Technology"],
        inDemand: row["In Demand"],
      },
    };
  });
  const counts = await syncReleaseRows({
    client: context.client,
    table: "TechnologySkill",
    releaseId,
    key: ["releaseId", "occupationCode", "commodityCode", "example"],
    rows: keepFirstOfEachKey(parsed, exampleKey, skipped, REPEATED_EXAMPLE),
  });
  context.report.recordTable("onet", "TechnologySkill", counts, skipped);
}

/** `Tools Used.txt` into `ToolUsed`. */
export async function importToolsUsed(context: ImportContext, releaseId: number, occupations: ReadonlySet<string>) {
  const skipped: SkippedRows = new Map();
  const parsed = (await readOnetFile(context, "Tools Used.txt", ZToolsUsedRow))!.map(({ row, source }) => {
    requireKnownOccupation(occupations, row["O*NET-SOC Code"], source);
    return {
      source,
      row: {
        releaseId,
        occupationCode: row["O*NET-SOC Code"],
        example: row.Example,
        commodityCode: row["Commodity Code"],
        commodityTitle: row["Commodity Title"],
      },
    };
  });
  const counts = await syncReleaseRows({
    client: context.client,
    table: "ToolUsed",
    releaseId,
    key: ["releaseId", "occupationCode", "commodityCode", "example"],
    rows: keepFirstOfEachKey(parsed, exampleKey, skipped, REPEATED_EXAMPLE),
  });
  context.report.recordTable("onet", "ToolUsed", counts, skipped);
}
