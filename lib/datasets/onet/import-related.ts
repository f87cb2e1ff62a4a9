import { z } from "zod";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";
import { ZIntegerText, ZText } from "../cells";
import type { ImportContext } from "../dataset-importer";
import { syncReleaseRows } from "../sync-release-rows";
import { requireKnownOccupation } from "./known-occupations";
import { readOnetFile } from "./read-onet-file";

const ZRelatedOccupationsRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Related O*NET-SOC Code": ZOnetSocCodeSchema,
  "Relatedness Tier": ZText,
  Index: ZIntegerText,
});

/** `Related Occupations.txt` into `RelatedOccupation`, O*NET's tier and order (`Index`) kept. */
export async function importRelatedOccupations(context: ImportContext, releaseId: number, occupations: ReadonlySet<string>) {
  const rows = (await readOnetFile(context, "Related Occupations.txt", ZRelatedOccupationsRow))!.map(({ row, source }) => {
    requireKnownOccupation(occupations, row["O*NET-SOC Code"], source);
    requireKnownOccupation(occupations, row["Related O*NET-SOC Code"], source, "Related O*NET-SOC Code");
    return {
      source,
      row: {
        releaseId,
        occupationCode: row["O*NET-SOC Code"],
        relatedCode: row["Related O*NET-SOC Code"],
        tier: row["Relatedness Tier"],
        position: row.Index,
      },
    };
  });
  const counts = await syncReleaseRows({
    client: context.client,
    table: "RelatedOccupation",
    releaseId,
    key: ["releaseId", "occupationCode", "relatedCode"],
    rows,
  });
  context.report.recordTable("onet", "RelatedOccupation", counts);
}
