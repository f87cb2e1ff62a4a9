import { z } from "zod";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";
import { ZOptionalText, ZText, ZYesNo } from "../cells";
import type { ImportContext } from "../dataset-importer";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";
import { requireKnownOccupation } from "./known-occupations";
import { readOnetFile } from "./read-onet-file";
import { keepFirstOfEachKey, positionCounter, type SkippedRows } from "./skipped-rows";

const ZAlternateTitlesRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Alternate Title": ZText,
  "Short Title": ZOptionalText,
  "Source(s)": ZOptionalText,
});

const ZReportedTitlesRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Reported Job Title": ZText,
  "Shown in My Next Move": ZYesNo,
});

type TitleRow = {
  releaseId: number;
  occupationCode: string;
  kind: "ALTERNATE" | "REPORTED";
  title: string;
  shortTitle: string | null;
  sources: string | null;
  shownInMyNextMove: boolean | null;
  position: number;
};

/**
 * `Alternate Titles.txt` (ALTERNATE) and `Sample of Reported Titles.txt` (REPORTED) into
 * `AlternateTitle`, in one sync since both kinds share the table. O*NET 29.3 lists two
 * alternate titles of 21-1014.00 twice (once without, once with a short title): the
 * first is kept and the repeat counted as skipped.
 */
export async function importTitles(context: ImportContext, releaseId: number, occupations: ReadonlySet<string>) {
  const skipped: SkippedRows = new Map();
  const alternate = ((await readOnetFile(context, "Alternate Titles.txt", ZAlternateTitlesRow, { optional: true })) ?? []).map(({ row, source }) => {
    requireKnownOccupation(occupations, row["O*NET-SOC Code"], source);
    return {
      source,
      row: { code: row["O*NET-SOC Code"], title: row["Alternate Title"], shortTitle: row["Short Title"], sources: row["Source(s)"], shownInMyNextMove: null },
    };
  });
  const reported = ((await readOnetFile(context, "Sample of Reported Titles.txt", ZReportedTitlesRow, { optional: true })) ?? []).map(({ row, source }) => {
    requireKnownOccupation(occupations, row["O*NET-SOC Code"], source);
    return {
      source,
      row: { code: row["O*NET-SOC Code"], title: row["Reported Job Title"], shortTitle: null, sources: null, shownInMyNextMove: row["Shown in My Next Move"] },
    };
  });
  const rows = [
    ...titleRows(releaseId, "ALTERNATE", keepFirstOfEachKey(alternate, titleKey, skipped, "alternate title repeated for the same occupation (first kept)")),
    ...titleRows(releaseId, "REPORTED", keepFirstOfEachKey(reported, titleKey, skipped, "reported title repeated for the same occupation (first kept)")),
  ];
  const counts = await syncReleaseRows({
    client: context.client,
    table: "AlternateTitle",
    releaseId,
    key: ["releaseId", "occupationCode", "kind", "title"],
    rows,
  });
  context.report.recordTable("onet", "AlternateTitle", counts, skipped);
}

type ParsedTitle = Pick<TitleRow, "title" | "shortTitle" | "sources" | "shownInMyNextMove"> & { code: string };

function titleKey(row: ParsedTitle): string {
  return `${row.code}|${row.title}`;
}

/** Numbers each occupation's titles 1, 2, 3, ... in file order. */
function titleRows(releaseId: number, kind: TitleRow["kind"], parsed: readonly SourcedRow<ParsedTitle>[]): SourcedRow<TitleRow>[] {
  const nextPosition = positionCounter();
  return parsed.map(({ row: { code, ...title }, source }) => ({
    source,
    row: { releaseId, occupationCode: code, kind, ...title, position: nextPosition(code) },
  }));
}
