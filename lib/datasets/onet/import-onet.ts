import path from "node:path";
import { z } from "zod";
import { ONET_FILES } from "@/lib/releases/onet-files";
import { findOnetPartReleases } from "@/lib/releases/onet-part-releases";
import { ZOnetSocCodeSchema } from "@/lib/validation/onet-soc-code.schema";
import { ZIntegerText, ZOptionalIntegerText, ZOptionalNumberText, ZText } from "../cells";
import { DatasetFileError } from "../dataset-error";
import type { DatasetImporter, ImportContext } from "../dataset-importer";
import { describeFiles, registerRelease } from "../register-release";
import { syncReleaseRows, type SourcedRow } from "../sync-release-rows";
import { importEducationDistribution } from "./import-education";
import { importRatings } from "./import-ratings";
import { importRelatedOccupations } from "./import-related";
import { importSuccessors, ONET_CROSSWALK_FILE } from "./import-successors";
import { importTechnologySkills, importToolsUsed } from "./import-technology";
import { importTitles } from "./import-titles";
import { importContentModel, importWorkProfile } from "./import-work-profile";
import { requireKnownOccupation } from "./known-occupations";
import { chooseCurrentOnetRelease, showOnetReleasesUpTo } from "./current-onet-release";
import { findOnetFolders, listOnetFilesPresent, REQUIRED_ONET_FILE } from "./onet-files";
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

/** Task Ratings.txt: IM (importance 1–5) and RT (relevance, %) per task, FT (frequency, %) per task and Category 1–7. */
const ZTaskRatingRow = z.object({
  "O*NET-SOC Code": ZOnetSocCodeSchema,
  "Task ID": ZIntegerText,
  "Scale ID": z.enum(["IM", "RT", "FT"], "expected IM, RT or FT"),
  Category: ZOptionalIntegerText,
  "Data Value": ZOptionalNumberText,
});

export const onetImporter: DatasetImporter = {
  dataset: "onet",
  requiredFiles: [`onet*/${REQUIRED_ONET_FILE}`],
  async import(context) {
    const folders = await findOnetFolders(context.dir);
    const target = await chooseCurrentOnetRelease(context.client, folders, context.options ?? {});
    let changed = false;
    for (const { folder, path: folderPath, meta } of folders) {
      const files = await describeFiles(folderPath, await listOnetFilesPresent(folderPath));
      const registered = await registerRelease(context.client, meta, files);
      // The same files (sha256) as last time hold the same rows: re-reading 400,000 rows of an
      // older release on every upgrade would only cost time. Said, so a re-run is not silent.
      if (!registered.changed) {
        context.report.say(`onet ${meta.version}: same files as the last import, unchanged`);
        continue;
      }
      changed = true;
      const release = { ...context, dir: path.join(context.dir, folder), report: folders.length > 1 ? context.report.forRelease(meta.version) : context.report };
      await importOnetRelease(release, registered.releaseId, new Set(files.map((file) => file.name)));
    }
    const shownChanged = await showOnetReleasesUpTo(context.client, target);
    if (shownChanged > 0) {
      changed = true;
      // Another release shown: any page may change, so no occupations are named (every page is revalidated).
      context.report.recordTable("onet", "DatasetRelease (shown)", { read: shownChanged, inserted: 0, updated: shownChanged, unchanged: 0, deleted: 0 });
    }
    if (!changed) return;
    const parts = await findOnetPartReleases(context.client);
    await refreshOccupations(context, parts);
    await rebuildRoleSearch(context, parts);
  },
};

/** One release folder's files into that release's rows; parts whose file the folder lacks are left out. */
async function importOnetRelease(context: ImportContext, releaseId: number, present: ReadonlySet<string>) {
  const occupations = await importOccupations(context, releaseId, present);
  if (present.has(ONET_FILES.tasks)) await importTasks(context, releaseId, occupations);
  await importRatings(context, releaseId, occupations);
  if (present.has(ONET_FILES.alternateTitles) || present.has(ONET_FILES.reportedTitles)) await importTitles(context, releaseId, occupations);
  if (present.has(ONET_FILES.technology)) await importTechnologySkills(context, releaseId, occupations);
  if (present.has(ONET_FILES.tools)) await importToolsUsed(context, releaseId, occupations);
  if (present.has(ONET_FILES.related)) await importRelatedOccupations(context, releaseId, occupations);
  if (present.has(ONET_FILES.education) && present.has(ONET_FILES.educationCategories)) await importEducationDistribution(context, releaseId, occupations);
  await importWorkProfile(context, releaseId, occupations);
  if (present.has(ONET_FILES.contentModel)) await importContentModel(context, releaseId);
  const crosswalk = [...present].find((name) => ONET_CROSSWALK_FILE.test(name));
  if (crosswalk) await importSuccessors(context, releaseId, crosswalk, occupations);
}

async function importOccupations(context: ImportContext, releaseId: number, present: ReadonlySet<string>): Promise<Set<string>> {
  const occupationRows = (await readOnetFile(context, ONET_FILES.occupations, ZOccupationDataRow))!;
  const jobZoneRows = (await readOnetFile(context, ONET_FILES.jobZones, ZJobZoneRow, { optional: true })) ?? [];
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
    occupationColumn: "code",
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

  if (!present.has(ONET_FILES.jobZoneReference)) return codes;
  const referenceRows = (await readOnetFile(context, ONET_FILES.jobZoneReference, ZJobZoneReferenceRow))!;
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

/** The IM value of each task (occupation|task id); RT and FT rows are not stored. */
function taskImportance(ratingRows: readonly SourcedRow<z.output<typeof ZTaskRatingRow>>[], occupations: ReadonlySet<string>): Map<string, number | null> {
  const importance = new Map<string, number | null>();
  const lines = new Map<string, number>();
  for (const { row, source } of ratingRows) {
    requireKnownOccupation(occupations, row["O*NET-SOC Code"], source);
    if (row["Scale ID"] !== "IM") continue;
    const key = `${row["O*NET-SOC Code"]}|${row["Task ID"]}`;
    const earlier = lines.get(key);
    if (earlier !== undefined) throw new DatasetFileError(source.file, source.line, "Scale ID", `repeats the IM rating of task ${row["Task ID"]} for ${row["O*NET-SOC Code"]} (already on line ${earlier})`);
    const value = row["Data Value"];
    if (value !== null && (value < 1 || value > 5)) throw new DatasetFileError(source.file, source.line, "Data Value", `${value} is outside the IM scale (1 to 5)`);
    lines.set(key, source.line);
    importance.set(key, value);
  }
  return importance;
}

async function importTasks(context: ImportContext, releaseId: number, occupations: ReadonlySet<string>) {
  const taskRows = (await readOnetFile(context, "Task Statements.txt", ZTaskStatementRow))!;
  // Task Ratings.txt is optional: with it, tasks are ordered by importance (IM).
  const ratingRows = await readOnetFile(context, "Task Ratings.txt", ZTaskRatingRow, { optional: true });
  const importance = taskImportance(ratingRows ?? [], occupations);
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
