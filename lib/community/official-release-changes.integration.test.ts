import { writeFile } from "node:fs/promises";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReleaseNotice } from "@/components/role/release-notice";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import type { ImportOptions } from "@/lib/datasets/dataset-importer";
import { prisma } from "@/lib/db/prisma";
import type { AppError } from "@/lib/errors";
import { findPageChanges, findRecentChanges } from "@/lib/revisions/find-recent-changes";
import { findRevisions } from "@/lib/revisions/find-revisions";
import { getRolePageByCode } from "@/lib/roles/get-role-page";
import { roleToMarkdown } from "@/lib/roles/role-to-markdown";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { findReleaseConflicts } from "@/lib/submissions/find-release-conflicts";
import { resolveReleaseConflict } from "@/lib/submissions/resolve-release-conflict";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { submitNarrative } from "@/lib/submissions/submit-narrative";
import { FIXTURE_CODES, writeNextOnetRelease, writeOnetFixtures, type OnetFixture } from "@/tests/support/fixtures/onet-fixtures";
import { createUser, narrativeDoc } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { watchPage } from "@/lib/watches/watch-page";
import { formatReleaseChangeReport, watchOfficialReleases, type ReleaseChangeReport } from "./official-release-changes";

// Fixture releases: 29.3 as writeOnetFixtures writes it, then "30.0" (CRLF, no Skills or
// Knowledge) where a corrected task is reworded, another deleted, a corrected description
// changed, an alternate title added, a work value re-rated and another dropped, one occupation
// removed and one added; its folder holds
// O*NET's taxonomy crosswalk (published layout) naming the added one as the removed one's successor.
const database = useTestDatabase();
const { widget, gadget, sprocket } = FIXTURE_CODES;
const cog = "99-0005.00";
let fixture: OnetFixture;
let author: Awaited<ReturnType<typeof createUser>>;
let moderator: Awaited<ReturnType<typeof createUser>>;
let watcher: Awaited<ReturnType<typeof createUser>>;
const reports: ReleaseChangeReport[] = [];

function importOnet(options: ImportOptions = {}) {
  reports.length = 0;
  return runImport({
    databaseUrl: database.url,
    dir: fixture.dir,
    only: ["onet"],
    options,
    report: new ImportReport(() => {}),
    watch: watchOfficialReleases((report) => reports.push(report)),
  });
}

async function approveCorrection(occupationCode: string, field: string, proposedValue: unknown, itemKey?: string, operation = "CHANGE") {
  const latest = await prisma.revision.findFirst({ where: { occupationCode }, orderBy: { number: "desc" }, select: { number: true } });
  const submission = await submitCorrection({
    actor: author,
    input: { occupationCode, field, operation, itemKey, proposedValue, rationale: "Practitioners describe it this way today.", baseRevisionNumber: latest?.number ?? 0 },
  });
  await approveSubmission({ actor: moderator, submissionId: submission.id });
}

/** A whole-list correction as databases of the previous version store it (item key "", `{ items }`). */
async function storeWholeListCorrection(occupationCode: string, field: "ALTERNATE_TITLES", items: string[]) {
  const latest = await prisma.revision.findFirst({ where: { occupationCode }, orderBy: { number: "desc" }, select: { number: true } });
  const number = (latest?.number ?? 0) + 1;
  await prisma.revision.create({ data: { occupationCode, number, kind: "APPROVAL", field, itemKey: "", before: { official: true, value: null }, after: { official: false, value: { items } }, actorId: moderator.userId } });
  await prisma.communityValue.create({ data: { occupationCode, field, itemKey: "", value: { items }, removed: false, revisionNumber: number } });
}

const conflictKeys = async () =>
  (await prisma.releaseConflict.findMany({ where: { resolvedAt: null }, orderBy: [{ occupationCode: "asc" }, { field: "asc" }, { itemKey: "asc" }] })).map(
    (c) => `${c.occupationCode} ${c.field} ${c.itemKey}`,
  ).sort();

beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  fixture = await writeOnetFixtures();
  const first = await importOnet();
  expect(first.failed).toEqual([]);
  author = await createUser("CONTRIBUTOR", "Ada Practitioner");
  moderator = await createUser("MODERATOR", "Mo Derator");
  await approveCorrection(widget, "DESCRIPTION", { text: "Widget engineers design, build and test widgets for real customers." });
  await approveCorrection(widget, "TASK", { statement: "Design widgets to the customer's drawings." }, "onet:90001");
  await approveCorrection(widget, "TASK", { statement: "Load-test widgets on the rig." }, "onet:90002");
  await storeWholeListCorrection(widget, "ALTERNATE_TITLES", ["Widget Designer", "Widgeteer", "Widget Architect"]);
  // Item corrections: on top of the whole list, of technology items (one the release drops), of a related career that leaves.
  await approveCorrection(widget, "ALTERNATE_TITLES", { item: "Widgeteer (senior)" }, "onet:widgeteer");
  await approveCorrection(widget, "TECHNOLOGY_SKILLS", { item: "Widget CAD 2" }, "onet:widget cad");
  await approveCorrection(widget, "TECHNOLOGY_SKILLS", { item: "Spreadsheet Pro 365" }, "onet:spreadsheet pro");
  await approveCorrection(widget, "TECHNOLOGY_SKILLS", { item: "Widget Simulator" }, undefined, "ADD");
  await approveCorrection(widget, "RELATED_CAREERS", null, `onet:${sprocket}`, "REMOVE");
  await approveCorrection(gadget, "TASK", { statement: "Repair and calibrate gadgets." }, "onet:90003");
  await approveCorrection(sprocket, "DESCRIPTION", { text: "Sprocket inspectors check every tooth for wear." });
  const narrative = await submitNarrative({ actor: author, input: { occupationCode: sprocket, doc: narrativeDoc(), yearsInRole: 9 } });
  await approveSubmission({ actor: moderator, submissionId: narrative.id });
  watcher = await createUser("CONTRIBUTOR", "Wanda Watcher");
  await watchPage({ actor: watcher, input: { occupationCode: widget } });

  const without = (code: string) => (rows: string[][]) => rows.filter((row) => row[0] !== code && row[1] !== code);
  await writeNextOnetRelease(fixture.dir, {
    folder: "onet-30.0",
    version: "30.0",
    released: "August 2025",
    omit: ["Skills.txt", "Knowledge.txt"],
    edit: {
      "Occupation Data.txt": (rows) => [
        ...rows.filter((row) => row[0] !== sprocket).map((row) => (row[0] === widget ? [widget, row[1]!, "Design, build and test widgets."] : row)),
        [cog, "Test Cog Makers", "Make cogs for the test suite."],
      ],
      "Task Statements.txt": (rows) =>
        without(sprocket)(rows)
          .filter((row) => row[1] !== "90002")
          .map((row) => (row[1] === "90001" ? [row[0]!, row[1], "Design widgets to customer specification.", ...row.slice(3)] : row)),
      "Alternate Titles.txt": (rows) => [...rows, [widget, "Widget Smith", "n/a", "04"]],
      "Technology Skills.txt": (rows) => rows.filter((row) => !(row[0] === widget && row[1] === "Widget CAD")),
      "Job Zones.txt": without(sprocket),
      "Related Occupations.txt": without(sprocket),
      "Work Values.txt": (rows) => rows.filter((row) => row[2] !== "Relationships").map((row) => (row[2] === "Achievement" ? [...row.slice(0, 4), "5.00", ...row.slice(5)] : row)),
    },
  });
  // Read by column name: the title columns (quoted commas) come first, the unchanged pair is left out.
  await writeFile(
    path.join(fixture.dir, "onet-30.0", "2019_to_2025_Crosswalk.csv"),
    [
      `"O*NET-SOC 2025 Title","O*NET-SOC 2019 Title","O*NET-SOC 2019 Code","O*NET-SOC 2025 Code"`,
      `"Test Widget Engineers","Test Widget Engineers","${widget}","${widget}"`,
      `"Test Cog Makers","Test Sprocket Inspectors, Cog Makers","${sprocket}","${cog}"`,
    ].join("\r\n") + "\r\n",
  );
}, 300_000);

afterAll(async () => {
  await fixture?.remove();
});

const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);

describe("upgrading to a newer O*NET release", () => {
  it("a dry run reports occupations added, removed and changed and the corrections whose base changed, and writes nothing", async () => {
    const before = await prisma.datasetRelease.count();
    const result = await importOnet({ dryRun: true });
    expect(result.failed).toEqual([]);
    expect(await prisma.datasetRelease.count()).toBe(before);
    expect(await prisma.releaseConflict.count()).toBe(0);
    const text = formatReleaseChangeReport(reports[0]!, true);
    expect(text).toContain("O*NET 29.3 → 30.0 (dry run: nothing written)");
    expect(text).toContain("occupations: 1 added, 1 removed, 1 changed");
    expect(text).toContain("tasks: 1 reworded, 0 added, 1 removed");
    expect(text).toContain("work values: 0 added, 1 removed, 1 rated differently");
    expect(text).toContain("work styles: 0 added, 0 removed, 0 rated differently");
    expect(text).toContain("community corrections whose official base changed: 7");
  });

  it("keeps every approved correction and narrative and flags exactly those whose official base changed", async () => {
    const valuesBefore = await prisma.communityValue.count();
    const result = await importOnet();
    expect(result.failed).toEqual([]);
    expect(await prisma.communityValue.count()).toBe(valuesBefore);
    expect(await conflictKeys()).toEqual([
      `${widget} DESCRIPTION `,
      `${widget} TASK onet:90001`,
      `${widget} TASK onet:90002`,
      `${widget} ALTERNATE_TITLES `,
      `${widget} TECHNOLOGY_SKILLS onet:widget cad`,
      `${widget} RELATED_CAREERS onet:${sprocket}`,
      `${sprocket} DESCRIPTION `,
    ].sort());
    const deleted = await prisma.releaseConflict.findFirst({ where: { itemKey: "onet:90002" } });
    expect(deleted).toMatchObject({ fromVersion: "29.3", toVersion: "30.0", officialBefore: { statement: "Test widgets under load." }, officialAfter: null });
    // One list item whose official item vanished is flagged with it; the list's other item corrections are not.
    expect(await prisma.releaseConflict.findFirst({ where: { itemKey: "onet:widget cad" } })).toMatchObject({ officialBefore: { item: "Widget CAD" }, officialAfter: null, communityValue: { item: "Widget CAD 2" } });
    expect(await prisma.releaseConflict.findFirst({ where: { itemKey: `onet:${sprocket}` } })).toMatchObject({ officialBefore: { item: sprocket }, officialAfter: null, communityValue: null });
  });

  it("shows every correction on the page and in Markdown, flagged, including the task the release deleted", async () => {
    const page = (await getRolePageByCode(widget))!;
    expect(page.onet.version).toBe("30.0");
    expect(page.tasks.map((t) => t.statement)).toEqual(["Design widgets to customer specification."]);
    const flagged = page.community.corrections.filter((c) => c.releaseConflict);
    expect(flagged.map((c) => `${c.field} ${c.itemKey}`).sort()).toEqual([
      "ALTERNATE_TITLES ",
      "DESCRIPTION ",
      `RELATED_CAREERS onet:${sprocket}`,
      "TASK onet:90001",
      "TASK onet:90002",
      "TECHNOLOGY_SKILLS onet:widget cad",
    ]);
    expect(flagged[0]!.releaseConflict!.note).toBe("O*NET 30.0 changed the official text; under review");
    expect(page.community.corrections.find((c) => c.itemKey === "onet:spreadsheet pro")!.releaseConflict).toBeNull();
    expect(page.community.corrections.find((c) => c.itemKey === "onet:widgeteer")!.releaseConflict).toBeNull();
    // The reworded technology item the release dropped stays listed, flagged, not hidden; the rest of the list as the release has it.
    const technology = page.shown.technologySkills!;
    expect(technology.items.find((item) => item.text === "Widget CAD 2")).toMatchObject({ origin: "community", official: null, correction: { releaseConflict: { toVersion: "30.0" } } });
    expect(technology.value).toEqual(["Spreadsheet Pro 365", "Widget CAD 2", "Widget Simulator"]);
    // The whole-list title correction still stands in for the official list, with the item correction on top.
    expect(page.shown.alsoKnownAs.value).toEqual(["Widget Designer", "Widgeteer (senior)", "Widget Architect"]);
    const markdown = roleToMarkdown(page, { url: "https://careerwiki.example/roles/test-widget-engineers" });
    expect(markdown).toContain("Load-test widgets on the rig.");
    expect(markdown).toContain("Design widgets to the customer's drawings.");
    expect(markdown).toContain("O*NET 30.0 changed the official text; under review");
  });

  it("reads each part from the newest release that has its file, and says which", async () => {
    const page = (await getRolePageByCode(widget))!;
    expect(page.ratings.skills.map((s) => s.name)).toContain("Reading Comprehension");
    expect(page.onetOlderParts).toEqual([
      { part: "Skills", version: "29.3", note: "from O*NET 29.3, not in O*NET 30.0" },
      { part: "Knowledge", version: "29.3", note: "from O*NET 29.3, not in O*NET 30.0" },
    ]);
    expect(page.alsoKnownAs).toContain("Widget Smith");
  });

  it("keeps the page of an occupation that left with its last release's official data, narrative and successor, and gives a new one a page", async () => {
    const gone = (await getRolePageByCode(sprocket))!;
    expect(gone).toMatchObject({
      inCurrentRelease: false,
      onet: { version: "30.0" },
      lastOnetRelease: { version: "29.3" },
      description: "Inspect sprockets for defects.",
      successors: [{ code: cog, slug: "test-cog-makers", title: "Test Cog Makers" }],
    });
    // Its official sections: 29.3's rows, kept when 30.0 arrived; every section says so.
    expect(gone.tasks.map((task) => task.statement)).toEqual(["Inspect sprockets."]);
    expect(gone.jobZone?.zone).toBe(2);
    expect(gone.sections.find((section) => section.id === "tasks")!.sources.map((source) => source.version)).toEqual(["29.3"]);
    expect(gone.sources.filter((source) => source.dataset === "onet").map((source) => source.version).sort()).toEqual(["29.3", "30.0"]);
    expect(gone.missing.tasks).toBeUndefined();
    expect(gone.community.corrections.find((c) => c.field === "DESCRIPTION")!.releaseConflict).not.toBeNull();
    expect(gone.narratives).toHaveLength(1);
    const markdown = roleToMarkdown(gone, { url: "https://careerwiki.example/roles/test-sprocket-inspectors" });
    expect(markdown).toContain("Not in O\\*NET 30.0: this occupation is not in the current release; its official sections show O\\*NET 29.3, the last release that lists it.");
    expect(markdown).toContain("names its successor: [Test Cog Makers](https://careerwiki.example/roles/test-cog-makers) (99-0005.00)");
    expect(markdown).toContain("Inspect sprockets.");
    const notice = renderToStaticMarkup(createElement(ReleaseNotice, { page: gone }));
    expect(notice).toContain("Not in O*NET 30.0: this occupation is not in the current release");
    expect(notice).toContain(`<a href="/roles/test-cog-makers">Test Cog Makers</a> (${cog})`);
    // A page the current release lists has neither.
    expect(await getRolePageByCode(widget)).toMatchObject({ inCurrentRelease: true, lastOnetRelease: null, successors: [] });
    const arrived = (await getRolePageByCode(cog))!;
    expect(arrived).toMatchObject({ title: "Test Cog Makers", inCurrentRelease: true, description: "Make cogs for the test suite.", lastOnetRelease: null, successors: [] });
    expect(await prisma.onetSuccessor.findMany({ select: { code: true, successorCode: true } })).toEqual([{ code: sprocket, successorCode: cog }]);
  });

  it("writes one revision per changed page and one /changes entry for the release", async () => {
    const history = await findRevisions(widget);
    expect(history[0]).toMatchObject({ kind: "RELEASE", afterText: "O*NET 30.0: description changed, 1 task reworded, 1 task removed, 1 alternate title added, 1 technology skill removed, 1 related occupation removed, 1 work value removed, 1 work value rated differently" });
    expect((await findRevisions(sprocket))[0]!.afterText).toBe("O*NET 30.0: no longer in this release");
    // "Last edited" stays the community's last change; the release is said by "data as of".
    const lastCommunity = history.find((revision) => revision.kind !== "RELEASE");
    expect((await getRolePageByCode(widget))!.community.lastEditedAt).toBe(lastCommunity ? lastCommunity.createdAt.toISOString() : null);
    const changes = await findRecentChanges(50);
    const releaseEntries = changes.filter((c) => c.kind === "RELEASE");
    expect(releaseEntries).toHaveLength(1);
    expect(releaseEntries[0]!.summary).toBe("O*NET 30.0 imported: 3 pages changed (each page's history says what).");
  });

  it("tells the watchers of a page the release changed, in the import's transaction, and lists it in the page's feed", async () => {
    const notifications = await prisma.notification.findMany({ where: { userId: watcher.userId }, include: { revision: true } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      kind: "PAGE_CHANGED",
      occupationCode: widget,
      summary: "Test Widget Engineers changed: O*NET 30.0: description changed, 1 task reworded, 1 task removed, 1 alternate title added, 1 technology skill removed, 1 related occupation removed, 1 work value removed, 1 work value rated differently",
    });
    expect(notifications[0]!.revision?.kind).toBe("RELEASE");
    expect((await findPageChanges(widget))[0]).toMatchObject({ kind: "RELEASE", actorName: "the official data import", summary: "O*NET 30.0: description changed, 1 task reworded, 1 task removed, 1 alternate title added, 1 technology skill removed, 1 related occupation removed, 1 work value removed, 1 work value rated differently" });
  });

  it("changes 0 rows when the same folders are imported again", async () => {
    const again = await importOnet();
    expect(again.failed).toEqual([]);
    expect(again.report.rowsChanged).toBe(0);
    expect(reports).toEqual([]);
  });

  it("lets moderators keep, update or retire a flagged correction, each audited", async () => {
    const { items } = await findReleaseConflicts({ actor: moderator });
    const byKey = (key: string, field = "Task") => items.find((item) => item.itemKey === key && item.fieldLabel === field)!;
    const reworded = byKey("onet:90001");
    expect(reworded).toMatchObject({ officialBefore: "Design widgets to specification.", officialAfter: "Design widgets to customer specification.", communityValue: "Design widgets to the customer's drawings." });
    expect(await fail(resolveReleaseConflict({ actor: author, input: { conflictId: reworded.id, decision: "keep" } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await resolveReleaseConflict({ actor: moderator, input: { conflictId: reworded.id, decision: "keep" } })).toMatchObject({ decision: "keep", revisionNumber: null });
    expect(await fail(resolveReleaseConflict({ actor: moderator, input: { conflictId: reworded.id, decision: "retire" } }))).toMatchObject({ code: "ALREADY_DECIDED" });

    const removedTask = byKey("onet:90002");
    const updated = await resolveReleaseConflict({ actor: moderator, input: { conflictId: removedTask.id, decision: "update", value: "Load-test widgets on the new rig." } });
    expect(updated.revisionNumber).toBeGreaterThan(0);
    const description = items.find((item) => item.occupationCode === widget && item.fieldLabel === "Description")!;
    await resolveReleaseConflict({ actor: moderator, input: { conflictId: description.id, decision: "retire" } });

    const page = (await getRolePageByCode(widget))!;
    expect(page.community.corrections.find((c) => c.itemKey === "onet:90002")).toMatchObject({ value: "Load-test widgets on the new rig.", releaseConflict: null });
    expect(page.community.corrections.find((c) => c.field === "DESCRIPTION")).toBeUndefined();
    expect(page.community.corrections.find((c) => c.itemKey === "onet:90001")).toMatchObject({ releaseConflict: null });
    const audits = await prisma.auditEntry.findMany({ where: { targetType: "release-conflict" }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(["release-conflict.keep", "release-conflict.update", "release-conflict.retire"]);
    expect(await fail(resolveReleaseConflict({ actor: moderator, input: { conflictId: removedTask.id, decision: "update" } }))).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("refuses to go back to an older release unless asked, and going back flags corrections the same way", async () => {
    const refused = await importOnet({ onetRelease: "29.3" });
    expect(refused.failed[0]?.message).toContain("O*NET 29.3 is older than the current O*NET 30.0: nothing was imported");
    const back = await importOnet({ onetRelease: "29.3", allowOlder: true });
    expect(back.failed).toEqual([]);
    expect((await getRolePageByCode(widget))!.onet.version).toBe("29.3");
    expect(reports[0]!.changes).toMatchObject({ fromVersion: "30.0", toVersion: "29.3" });
    // The kept task correction's base moved again: it is flagged again.
    expect(await conflictKeys()).toContain(`${widget} TASK onet:90001`);
    // A plain import keeps the operator's choice: 30.0 stays set aside.
    await importOnet();
    expect((await getRolePageByCode(widget))!.onet.version).toBe("29.3");
    await importOnet({ onetRelease: "30.0" });
    expect((await getRolePageByCode(widget))!.onet.version).toBe("30.0");
  });
});
