import { z } from "zod";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";
import { ZIntegerText, ZOptionalNumberText, ZText } from "../cells";
import { DatasetFileError } from "../dataset-error";
import type { DatasetImporter, ImportContext } from "../dataset-importer";
import { describeFiles, registerRelease } from "../register-release";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";
import { importEducationDistribution } from "./import-education";
import { importRatings } from "./import-ratings";
import { importRelatedOccupations } from "./import-related";
import { importTechnologySkills, importToolsUsed } from "./import-technology";
import { importTitles } from "./import-titles";
import { requireKnownOccupation } from "./known-occupations";
import { listOnetFilesToRead, REQUIRED_ONET_FILES } from "./onet-files";
import { detectOnetRelease, ONET_DIR } from "./onet-release";
import { readOnetFile } from "./read-onet-file";
import { rebuildRoleSearch } from "./rebuild-role-search";
import { refreshOccupations } from "./refresh-occupations";

export { requireKnownOccupation } from "./known-occupations";

const ZOccupationDataRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  Title: ZText,
  Description: ZText,
});

const ZJobZoneRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Job Zone": ZIntegerText.pipe(z.number().int().min(1, "job zones run from 1 to 5").max(5, "job zones run from 1 to 5")),
});

const ZJobZoneReferenceRow = z.object({
  "Job Zone": ZIntegerText.pipe(z.number().int().min(1).max(5)),
  Name: ZText,
  Experience: ZText,
  Education: ZText,
  "Job Training": ZText,
  Examples: ZText,
  "SVP Range": ZText,
});

const ZTaskStatementRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Task ID": ZIntegerText,
  Task: ZText,
  "Task Type": z.enum(["Core", "Supplemental", "n/a"], "expected Core, Supplemental or n/a"),
});

const ZTaskRatingRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Task ID": ZIntegerText,
  "Scale ID": ZText,
  "Data Value": ZOptionalNumberText,
});

export const onetImporter: DatasetImporter = {
  dataset: "onet",
  requiredFiles: REQUIRED_ONET_FILES.map((file) => `${ONET_DIR}/${file}`),
  async import(context) {
    const meta = await detectOnetRelease(context.dir);
    const files = await describeFiles(`${context.dir}/${ONET_DIR}`, await listOnetFilesToRead(context.dir));
    const { releaseId } = await registerRelease(context.client, meta, files);

    const occupations = await importOccupations(context, releaseId);
    await importTasks(context, releaseId, occupations);
    await importRatings(context, releaseId, occupations);
    await importTitles(context, releaseId, occupations);
    await importTechnologySkills(context, releaseId, occupations);
    await importToolsUsed(context, releaseId, occupations);
    await importRelatedOccupations(context, releaseId, occupations);
    await importEducationDistribution(context, releaseId, occupations);
    await refreshOccupations(context, releaseId);
    await rebuildRoleSearch(context, releaseId);
  },
};

async function importOccupations(context: ImportContext, releaseId: number): Promise<Set<string>> {
  const occupationRows = (await readOnetFile(context, "Occupation Data.txt", ZOccupationDataRow))!;
  const jobZoneRows = (await readOnetFile(context, "Job Zones.txt", ZJobZoneRow))!;
  const codes = new Set(occupationRows.map(({ row }) => row["O*NET-SOC Code"]));
  const jobZones = new Map<string, number>();
  const jobZoneLines = new Map<string, number>();
  for (const { row, source } of jobZoneRows) {
    requireKnownOccupation(codes, row["O*NET-SOC Code"], source);
    // A second job zone for an occupation would silently replace the first.
    const earlier = jobZoneLines.get(row["O*NET-SOC Code"]);
    if (earlier !== undefined) throw new DatasetFileError(source.file, source.line, "O*NET-SOC Code", `repeats ${row["O*NET-SOC Code"]}, already on line ${earlier}`);
    jobZoneLines.set(row["O*NET-SOC Code"], source.line);
    jobZones.set(row["O*NET-SOC Code"], row["Job Zone"]);
  }
  const counts = await syncReleaseRows({
    client: context.client,
    table: "OnetOccupation",
    releaseId,
    key: ["releaseId", "code"],
    rows: occupationRows.map(({ row, source }) => ({
      source,
      row: {
        releaseId,
        code: row["O*NET-SOC Code"],
        title: row.Title,
        description: row.Description,
        jobZone: jobZones.get(row["O*NET-SOC Code"]) ?? null,
      },
    })),
  });
  context.report.recordTable("onet", "OnetOccupation", counts);

  const referenceRows = (await readOnetFile(context, "Job Zone Reference.txt", ZJobZoneReferenceRow))!;
  const referenceCounts = await syncReleaseRows({
    client: context.client,
    table: "JobZoneReference",
    releaseId,
    key: ["releaseId", "zone"],
    rows: referenceRows.map(({ row, source }) => ({
      source,
      row: {
        releaseId,
        zone: row["Job Zone"],
        name: row.Name,
        experience: row.Experience,
        education: row.Education,
        training: row["Job Training"],
        examples: row.Examples,
        svpRange: row["SVP Range"],
      },
    })),
  });
  context.report.recordTable("onet", "JobZoneReference", referenceCounts);
  return codes;
}

async function importTasks(context: ImportContext, releaseId: number, occupations: ReadonlySet<string>) {
  const taskRows = (await readOnetFile(context, "Task Statements.txt", ZTaskStatementRow))!;
  // Task Ratings.txt is optional: with it, tasks are ordered by importance (IM).
  const ratingRows = await readOnetFile(context, "Task Ratings.txt", ZTaskRatingRow, { optional: true });
  const importance = new Map<string, number | null>();
  for (const { row } of ratingRows ?? []) {
    if (row["Scale ID"] === "IM") importance.set(`${row["O*NET-SOC Code"]}|${row["Task ID"]}`, row["Data Value"]);
  }
  const positions = new Map<string, number>();
  const rows: SourcedRow<Record<string, string | number | null>>[] = taskRows.map(({ row, source }) => {
    const code = row["O*NET-SOC Code"];
    requireKnownOccupation(occupations, code, source);
    const position = (positions.get(code) ?? 0) + 1;
    positions.set(code, position);
    return {
      source,
      row: {
        releaseId,
        occupationCode: code,
        taskId: row["Task ID"],
        statement: row.Task,
        taskType: row["Task Type"] === "n/a" ? null : row["Task Type"],
        importance: importance.get(`${code}|${row["Task ID"]}`) ?? null,
        position,
      },
    };
  });
  const counts = await syncReleaseRows({ client: context.client, table: "Task", releaseId, key: ["releaseId", "occupationCode", "taskId"], rows });
  context.report.recordTable("onet", "Task", counts);
}
