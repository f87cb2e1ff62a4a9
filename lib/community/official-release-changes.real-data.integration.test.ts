import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportOptions } from "@/lib/datasets/dataset-importer";
import { ImportReport } from "@/lib/datasets/import-report";
import { readTabSeparated } from "@/lib/datasets/read-tab-separated";
import { runImport } from "@/lib/datasets/run-import";
import { prisma } from "@/lib/db/prisma";
import { getRolePageByCode } from "@/lib/roles/get-role-page";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { submitNarrative } from "@/lib/submissions/submit-narrative";
import { createUser, narrativeDoc } from "@/tests/support/integration/community-factories";
import { realDataDir, realDataPresent, useRealDataDatabase } from "@/tests/support/integration/real-data";
import { formatReleaseChangeReport, watchOfficialReleases, type ReleaseChangeReport } from "./official-release-changes";
import { officialListItemKey } from "./fields";

// A site on the real O*NET 29.3 with approved corrections on 12 occupations (tasks, description,
// alternate titles, technology skills, related careers) and narratives, upgraded to the real 30.1
// folder: every correction and narrative stays on its page, and exactly the corrections whose
// official base changed (checked here against the two releases' rows directly) are flagged.
// It starts from the shared real-data import (both folders read, 30.1 shown), goes back to 29.3
// (`--release 29.3 --allow-older`), adds the corrections, then upgrades (`--release 30.1`): the
// rows of each release are read from the real folders once per test run, not again here.
const present = realDataPresent && ["onet/Occupation Data.txt", "onet-30.1/Occupation Data.txt"].every((file) => realDataDir !== null && existsSync(path.join(realDataDir, file)));
if (!present) console.warn("Skipping the real O*NET 29.3 → 30.1 upgrade test: no shared datasets folder with onet/ and onet-30.1/ (set DATA_DIR to run it).");

describe.skipIf(!present)("upgrading the real O*NET 29.3 to 30.1 under community corrections", () => {
  const database = useRealDataDatabase();
  let report: ReleaseChangeReport | undefined;
  let author: Awaited<ReturnType<typeof createUser>>;
  let moderator: Awaited<ReturnType<typeof createUser>>;
  const corrected: { code: string; field: string; itemKey: string }[] = [];
  const narrated: string[] = [];
  let upgradeSeconds = 0;

  const importOnet = (options: ImportOptions = {}) =>
    runImport({ databaseUrl: database.url, dir: realDataDir!, only: ["onet"], options, report: new ImportReport(() => {}), watch: watchOfficialReleases((r) => (report = r)) });

  async function approve(code: string, field: string, proposedValue: unknown, itemKey = "", operation = "CHANGE") {
    const latest = await prisma.revision.findFirst({ where: { occupationCode: code }, orderBy: { number: "desc" }, select: { number: true } });
    const submission = await submitCorrection({
      actor: author,
      input: { occupationCode: code, field, operation, itemKey: itemKey || undefined, proposedValue, rationale: "Practitioners describe it this way today.", baseRevisionNumber: latest?.number ?? 0 },
    });
    await approveSubmission({ actor: moderator, submissionId: submission.id });
    corrected.push({ code, field, itemKey: submission.itemKey ?? "" });
  }

  beforeAll(async () => {
    process.env.SUBMISSIONS_PER_HOUR = "100000";
    expect((await importOnet({ onetRelease: "29.3", allowOlder: true })).failed).toEqual([]);
    const shown = await prisma.datasetRelease.findMany({ where: { dataset: "onet", shown: true }, select: { version: true } });
    expect(shown.map((r) => r.version)).toEqual(["29.3"]);
    const { id: releaseId } = await prisma.datasetRelease.findFirstOrThrow({ where: { dataset: "onet", version: "29.3" }, select: { id: true } });
    author = await createUser("CONTRIBUTOR", "Ada Practitioner");
    moderator = await createUser("MODERATOR", "Mo Derator");

    // Four occupations whose first corrected task 30.1 rewords or drops (read from the files), eight others.
    const taskFile = async (folder: string) =>
      new Map((await readTabSeparated(path.join(realDataDir!, folder, "Task Statements.txt"), folder, ["O*NET-SOC Code", "Task ID", "Task"])).map(({ record }) => [`${record["O*NET-SOC Code"]}|${record["Task ID"]}`, record.Task]));
    const [older, newer] = await Promise.all([taskFile("onet"), taskFile("onet-30.1")]);
    const changedTasks = [...older].filter(([key, statement]) => newer.get(key) !== statement).map(([key]) => key);
    const changedCodes = [...new Set(changedTasks.map((key) => key.split("|")[0]!))].slice(0, 4);
    const small = await prisma.$queryRaw<{ code: string }[]>`
      SELECT o."code" FROM "OnetOccupation" o
       WHERE o."releaseId" = ${releaseId} AND (SELECT count(*) FROM "AlternateTitle" a WHERE a."releaseId" = o."releaseId" AND a."occupationCode" = o."code" AND a."kind" = 'ALTERNATE') BETWEEN 1 AND 40
         AND (SELECT count(DISTINCT "example") FROM "TechnologySkill" t WHERE t."releaseId" = o."releaseId" AND t."occupationCode" = o."code") BETWEEN 1 AND 40
         AND EXISTS (SELECT 1 FROM "Task" t WHERE t."releaseId" = o."releaseId" AND t."occupationCode" = o."code")
       ORDER BY o."code"`;
    const codes = [...changedCodes, ...small.map((row) => row.code).filter((code) => !changedCodes.includes(code)).slice(0, 12 - changedCodes.length)];
    expect(codes).toHaveLength(12);

    for (const [index, code] of codes.entries()) {
      await approve(code, "DESCRIPTION", { text: `How practitioners describe occupation ${code} today, in their own words.` });
      const changedTask = changedTasks.find((key) => key.startsWith(`${code}|`));
      const firstTask = await prisma.task.findFirst({ where: { releaseId, occupationCode: code }, orderBy: { position: "asc" }, select: { taskId: true } });
      const taskId = changedTask ? Number(changedTask.split("|")[1]) : firstTask!.taskId;
      await approve(code, "TASK", { statement: `A practitioner's wording of task ${taskId}.` }, `onet:${taskId}`);
      const titles = await prisma.alternateTitle.findMany({ where: { releaseId, occupationCode: code, kind: "ALTERNATE" }, orderBy: { position: "asc" }, select: { title: true } });
      // Lists item by item: a title reworded (and one added), a technology skill removed, a related career removed.
      if (titles[0]) await approve(code, "ALTERNATE_TITLES", { item: `${titles[0].title} (practitioners)` }, officialListItemKey(titles[0].title));
      if (index % 4 === 0) await approve(code, "ALTERNATE_TITLES", { item: `Practitioner Title ${index}` }, "", "ADD");
      const skills = await prisma.technologySkill.findMany({ where: { releaseId, occupationCode: code }, distinct: ["example"], orderBy: { example: "asc" }, select: { example: true } });
      if (index % 2 === 0 && skills[0]) await approve(code, "TECHNOLOGY_SKILLS", null, officialListItemKey(skills[0].example), "REMOVE");
      const related = await prisma.relatedOccupation.findMany({ where: { releaseId, occupationCode: code }, orderBy: { position: "asc" }, select: { relatedCode: true } });
      if (index % 3 === 0 && related.length > 1) await approve(code, "RELATED_CAREERS", null, officialListItemKey(related.at(-1)!.relatedCode), "REMOVE");
      if (index % 3 === 1) {
        const narrative = await submitNarrative({ actor: author, input: { occupationCode: code, doc: narrativeDoc(`I have worked as ${code} for years. `.repeat(8)), yearsInRole: 5 + index } });
        await approveSubmission({ actor: moderator, submissionId: narrative.id });
        narrated.push(code);
      }
    }

    const started = performance.now();
    expect((await importOnet({ onetRelease: "30.1" })).failed).toEqual([]);
    upgradeSeconds = (performance.now() - started) / 1000;
    // Timed for the record only: the shared test machine's load makes a bound here flaky (README, "Releases", has the measured figures).
    console.log(`O*NET 29.3 → 30.1 upgrade (rows already imported) in ${upgradeSeconds.toFixed(1)} s\n${formatReleaseChangeReport(report!, false)}`);
  }, 600_000);

  it("shows 30.1 and keeps every approved correction and narrative on its page", async () => {
    expect(corrected.length).toBeGreaterThanOrEqual(40);
    const codes = [...new Set(corrected.map((c) => c.code))];
    expect(codes).toHaveLength(12);
    for (const code of codes) {
      const page = (await getRolePageByCode(code))!;
      expect(page.onet.version).toBe("30.1");
      const shown = new Set(page.community.corrections.map((c) => `${c.field}|${c.itemKey}`));
      for (const correction of corrected.filter((c) => c.code === code)) expect(shown).toContain(`${correction.field}|${correction.itemKey}`);
    }
    for (const code of narrated) expect(await prisma.submission.count({ where: { occupationCode: code, kind: "NARRATIVE", status: "APPROVED" } })).toBe(1);
  });

  it("flags exactly the corrections whose official base differs between 29.3 and 30.1", async () => {
    const releases = await prisma.datasetRelease.findMany({ where: { dataset: "onet" }, orderBy: { releasedOn: "asc" }, select: { id: true, version: true } });
    expect(releases.map((r) => r.version)).toEqual(["29.3", "30.1"]);
    const [older, newer] = releases.map((r) => r.id) as [number, number];
    const differs = async (code: string, field: string, itemKey: string): Promise<boolean> => {
      const at = async (releaseId: number) => {
        if (field === "DESCRIPTION") return (await prisma.onetOccupation.findUnique({ where: { releaseId_code: { releaseId, code } } }))?.description ?? null;
        if (field === "TASK") return (await prisma.task.findUnique({ where: { releaseId_occupationCode_taskId: { releaseId, occupationCode: code, taskId: Number(itemKey.slice(5)) } } }))?.statement ?? null;
        // A list item: the official item its key names, in that release (an added item has none).
        const items =
          field === "ALTERNATE_TITLES"
            ? (await prisma.alternateTitle.findMany({ where: { releaseId, occupationCode: code, kind: "ALTERNATE" } })).map((t) => t.title)
            : field === "TECHNOLOGY_SKILLS"
              ? (await prisma.technologySkill.findMany({ where: { releaseId, occupationCode: code } })).map((t) => t.example)
              : (await prisma.relatedOccupation.findMany({ where: { releaseId, occupationCode: code } })).map((r) => r.relatedCode);
        return items.find((item) => officialListItemKey(item) === itemKey) ?? null;
      };
      return (await at(older)) !== (await at(newer));
    };
    const expected: string[] = [];
    for (const { code, field, itemKey } of corrected) if (await differs(code, field, itemKey)) expected.push(`${code} ${field} ${itemKey}`);
    const flagged = (await prisma.releaseConflict.findMany({ where: { resolvedAt: null } })).map((c) => `${c.occupationCode} ${c.field} ${c.itemKey}`);
    expect(flagged.sort()).toEqual(expected.sort());
    expect(flagged.filter((key) => key.includes(" TASK ")).length).toBeGreaterThanOrEqual(4);
    for (const key of flagged) {
      const [code, field, ...rest] = key.split(" ");
      const itemKey = rest.join(" "); // a list item's key may hold spaces
      const correction = (await getRolePageByCode(code!))!.community.corrections.find((c) => c.field === field && c.itemKey === itemKey)!;
      expect(correction.releaseConflict?.note).toBe("O*NET 30.1 changed the official text; under review");
    }
  });

  it("re-importing both folders changes 0 rows", async () => {
    const again = await importOnet();
    expect(again.failed).toEqual([]);
    expect(again.report.rowsChanged).toBe(0);
  }, 300_000);
});
