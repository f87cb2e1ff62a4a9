import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZRoleApiResponseSchema } from "@/app/api/roles/[code]/route.types";
import { RelatedCareers } from "@/components/role/related-careers";
import { RoleHeader } from "@/components/role/role-header";
import { TechnologySection } from "@/components/role/technology-section";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { prisma } from "@/lib/db/prisma";
import type { AppError } from "@/lib/errors";
import { getRolePage } from "@/lib/roles/get-role-page";
import { roleToMarkdown } from "@/lib/roles/role-to-markdown";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { getSubmissionForReviewOrThrow } from "@/lib/submissions/get-submission-for-review";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { writeRoleDatasets } from "@/tests/support/fixtures/role-fixtures";
import { createUser } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { officialListItemKey } from "./fields";
import { getCorrectionContext } from "./get-correction-context";

const database = useTestDatabase();
const WIDGET = "99-0001.00";
const SLUG = "test-widget-engineers";
let dir: string;
let author: Awaited<ReturnType<typeof createUser>>;
let moderator: Awaited<ReturnType<typeof createUser>>;

const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);
const latestRevision = async () => (await prisma.revision.findFirst({ where: { occupationCode: WIDGET }, orderBy: { number: "desc" }, select: { number: true } }))?.number ?? 0;

async function propose(field: string, operation: "ADD" | "CHANGE" | "REMOVE", item: string | null, itemKey?: string, baseRevisionNumber?: number) {
  return submitCorrection({
    actor: author,
    input: {
      occupationCode: WIDGET,
      field,
      operation,
      itemKey,
      proposedValue: item === null ? null : { item },
      rationale: "Practitioners name this item differently today.",
      baseRevisionNumber: baseRevisionNumber ?? (await latestRevision()),
    },
  });
}

const page = async () => (await getRolePage(SLUG))!;

beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  dir = await mkdtemp(path.join(tmpdir(), "careerwiki-list-items-"));
  await writeRoleDatasets(dir);
  const { failed } = await runImport({ databaseUrl: database.url, dir, report: new ImportReport(() => {}) });
  expect(failed).toEqual([]);
  author = await createUser("CONTRIBUTOR");
  moderator = await createUser("MODERATOR");
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("list fields corrected item by item", () => {
  it("approving an added, a removed and a reworded item keeps the rest of the official list and every other approved item change", async () => {
    const official = (await page()).alsoKnownAs;
    expect(official.length).toBeGreaterThan(5);
    const [first, second, third] = official;
    const added = await propose("ALTERNATE_TITLES", "ADD", "Widget Wrangler");
    const removed = await propose("ALTERNATE_TITLES", "REMOVE", null, officialListItemKey(second!));
    const reworded = await propose("ALTERNATE_TITLES", "CHANGE", `${third} (senior)`, officialListItemKey(third!));
    for (const submission of [added, removed, reworded]) await approveSubmission({ actor: moderator, submissionId: submission.id });

    const view = await page();
    const titles = view.shown.alsoKnownAs;
    expect(titles.value).toHaveLength(official.length - 1 + 1);
    expect(titles.value).toContain(first);
    expect(titles.value).not.toContain(second);
    expect(titles.value).toContain(`${third} (senior)`);
    expect(titles.value.at(-1)).toBe("Widget Wrangler");
    for (const kept of official.slice(3)) expect(titles.value).toContain(kept);
    expect(titles.items.find((item) => item.text === first)).toMatchObject({ origin: "official", correction: null });
    expect(titles.items.find((item) => item.text === "Widget Wrangler")).toMatchObject({ origin: "community", official: null, key: expect.stringMatching(/^new:/) });
    expect(titles.items.find((item) => item.text === `${third} (senior)`)).toMatchObject({ origin: "community", official: third, key: officialListItemKey(third!) });
    expect(titles.removed).toMatchObject([{ text: second, origin: "official", correction: { removed: true } }]);
    expect(titles.correction).toBeNull();
    // The official rows themselves are untouched.
    expect(view.alsoKnownAs).toEqual(official);
  });

  it("technology skills and related careers: one item removed and one added; the page, Markdown and JSON mark the community's items", async () => {
    const before = await page();
    const skills = before.technology.flatMap((group) => group.items.map((item) => item.example));
    expect(skills.length).toBeGreaterThan(1);
    const gone = skills[0]!;
    await approveSubmission({ actor: moderator, submissionId: (await propose("TECHNOLOGY_SKILLS", "REMOVE", null, officialListItemKey(gone))).id });
    await approveSubmission({ actor: moderator, submissionId: (await propose("TECHNOLOGY_SKILLS", "ADD", "Widget Telemetry Studio")).id });
    const relatedBefore = before.related.map((role) => role.code);
    await approveSubmission({ actor: moderator, submissionId: (await propose("RELATED_CAREERS", "ADD", "99-0004.00")).id });

    const view = await page();
    const technology = view.shown.technologySkills!;
    expect(technology.value).toHaveLength(skills.length);
    expect(technology.value).not.toContain(gone);
    expect(technology.value).toEqual([...skills.slice(1), "Widget Telemetry Studio"]);
    expect(technology.items.filter((item) => item.origin === "community").map((item) => item.text)).toEqual(["Widget Telemetry Studio"]);
    expect(view.shown.related.value.map((role) => role.code)).toEqual([...relatedBefore.filter((code) => code !== "99-0004.00"), "99-0004.00"]);
    expect(view.shown.related.items.at(-1)).toMatchObject({ origin: "community", text: "99-0004.00" });

    const html = renderToStaticMarkup(createElement(TechnologySection, { page: view, section: view.sections.find((s) => s.id === "technology")!, url: `/roles/${view.slug}` }));
    expect(html).toMatch(/Widget Telemetry Studio <span class="mark mark--community" data-testid="community-item">Added by practitioners<\/span>/);
    expect(html).toContain(`Removed by practitioners: <span><s>${gone}</s>`);
    expect(html.split('data-testid="community-item"')).toHaveLength(2);
    const header = renderToStaticMarkup(createElement(RoleHeader, { page: view }));
    expect(header).toContain("Widget Wrangler");
    expect(header).toContain("Reworded by practitioners");
    const related = renderToStaticMarkup(createElement(RelatedCareers, { page: view, section: view.sections.find((s) => s.id === "related")! }));
    expect(related).toMatch(/All Other Test Workers<\/a>.*Added by practitioners/s);

    const markdown = roleToMarkdown(view, { url: `https://careerwiki.example/roles/${SLUG}` });
    expect(markdown).toMatch(/- Widget Telemetry Studio _\(community: added by practitioners, revision \d+, https:\/\/careerwiki\.example\/roles\/test-widget-engineers\/history#r\d+\)_/);
    expect(markdown).toContain(`_Removed by practitioners: ${gone} (revision`);
    expect(markdown).toMatch(/Widget Wrangler _\(community: added by practitioners/);

    // The JSON is the view; its schema (the OpenAPI document's source) documents each list item's origin.
    const json = ZRoleApiResponseSchema.parse(JSON.parse(JSON.stringify(view)));
    const shown = json.shown as { technologySkills: { items: { text: string; origin: string }[] } };
    expect(shown.technologySkills.items.find((item) => item.text === "Widget Telemetry Studio")!.origin).toBe("community");
    expect(ZRoleApiResponseSchema.safeParse({ ...view, shown: { ...view.shown, alsoKnownAs: { ...view.shown.alsoKnownAs, items: [{ key: "x", text: "y", origin: "guessed", official: null, correction: null }] } } }).success).toBe(false);
  });

  it("refuses an item already on the list, an item no longer there, and a related career that is not an occupation", async () => {
    const titles = (await page()).shown.alsoKnownAs.value;
    expect(await fail(propose("ALTERNATE_TITLES", "ADD", titles[0]!.toUpperCase()))).toMatchObject({ code: "INVALID_INPUT", message: `“${titles[0]}” is already on the list.` });
    expect(await fail(propose("ALTERNATE_TITLES", "REMOVE", null, officialListItemKey("No Such Title")))).toMatchObject({ code: "NOT_FOUND", message: "That item is no longer on the page." });
    expect(await fail(propose("ALTERNATE_TITLES", "CHANGE", "Anything"))).toMatchObject({ code: "INVALID_INPUT" });
    expect(await fail(propose("RELATED_CAREERS", "ADD", "99-0009.00"))).toMatchObject({ message: "No occupation has the code 99-0009.00." });
    expect(await fail(propose("RELATED_CAREERS", "ADD", "Widget Testers"))).toMatchObject({ code: "INVALID_INPUT" });
    expect(await fail(propose("TECHNOLOGY_SKILLS", "ADD", "  \u200B "))).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("two pending changes to the same item: the second is shown as a conflict after the first is approved and needs “apply anyway”", async () => {
    const target = (await page()).shown.alsoKnownAs.items.find((item) => item.origin === "official")!;
    const base = await latestRevision();
    const one = await propose("ALTERNATE_TITLES", "CHANGE", `${target.text} I`, target.key, base);
    const other = await submitCorrection({
      actor: await createUser("CONTRIBUTOR"),
      input: { occupationCode: WIDGET, field: "ALTERNATE_TITLES", operation: "REMOVE", itemKey: target.key, proposedValue: null, rationale: "Nobody uses this title any more.", baseRevisionNumber: base },
    });
    // A change to another item of the same list is no conflict.
    const elsewhere = (await page()).shown.alsoKnownAs.items.find((item) => item.origin === "official" && item.key !== target.key)!;
    const unrelated = await propose("ALTERNATE_TITLES", "CHANGE", `${elsewhere.text} II`, elsewhere.key, base);
    await approveSubmission({ actor: moderator, submissionId: one.id });
    expect((await getSubmissionForReviewOrThrow({ actor: moderator, submissionId: other.id })).correction).toMatchObject({ conflict: true, currentText: `${target.text} I` });
    expect((await getSubmissionForReviewOrThrow({ actor: moderator, submissionId: unrelated.id })).correction).toMatchObject({ conflict: false });
    expect(await fail(approveSubmission({ actor: moderator, submissionId: other.id }))).toMatchObject({ code: "CONFLICT" });
    await approveSubmission({ actor: moderator, submissionId: unrelated.id });
    await approveSubmission({ actor: moderator, submissionId: other.id, applyAnyway: true });
    const titles = (await page()).shown.alsoKnownAs;
    expect(titles.value).not.toContain(`${target.text} I`);
    expect(titles.value).toContain(`${elsewhere.text} II`);
    expect(titles.removed.map((item) => item.key)).toContain(target.key);
  });

  it("the contributor's form context lists each list's items with their keys, as the page shows them", async () => {
    const context = (await getCorrectionContext(SLUG))!;
    const titles = context.lists.find((list) => list.field === "ALTERNATE_TITLES")!;
    expect(titles.items.map((item) => item.text)).toEqual((await page()).shown.alsoKnownAs.value);
    expect(titles.items.find((item) => item.text === "Widget Wrangler")).toMatchObject({ itemKey: expect.stringMatching(/^new:/), corrected: true });
    expect(context.lists.find((list) => list.field === "RELATED_CAREERS")!.items.at(-1)).toMatchObject({ text: "99-0004.00 All Other Test Workers" });
    expect(context.fields.map((f) => f.field)).toEqual(["DESCRIPTION", "EDUCATION", "PAY_OUTLOOK_NOTE"]);
  });
});

describe("whole-list corrections stored before item-by-item corrections (compatible reading rule)", () => {
  it("still replace the official list on the page, and item corrections apply on top of them", async () => {
    const code = "99-0002.00";
    const slug = (await prisma.occupation.findUnique({ where: { code }, select: { slug: true } }))!.slug;
    const officialTech = (await getRolePage(slug))!.technology.flatMap((group) => group.items.map((item) => item.example));
    expect(officialTech.length).toBeGreaterThan(0);
    // As a database of the previous version holds it: itemKey "", the whole list as { items }.
    const legacy = [officialTech[0]!, "Legacy Gadget Tool", "Second Legacy Tool"];
    await prisma.revision.create({ data: { occupationCode: code, number: 1, kind: "APPROVAL", field: "TECHNOLOGY_SKILLS", itemKey: "", before: { official: true, value: { items: officialTech } }, after: { official: false, value: { items: legacy } }, actorId: moderator.userId } });
    await prisma.communityValue.create({ data: { occupationCode: code, field: "TECHNOLOGY_SKILLS", itemKey: "", value: { items: legacy }, removed: false, revisionNumber: 1 } });
    let view = (await getRolePage(slug))!;
    expect(view.shown.technologySkills!.value).toEqual(legacy);
    expect(view.shown.technologySkills!.correction).toMatchObject({ itemKey: "", value: legacy });
    expect(view.shown.technologySkills!.items.map((item) => item.origin)).toEqual(["official", "community", "community"]);
    const html = renderToStaticMarkup(createElement(TechnologySection, { page: view, section: view.sections.find((s) => s.id === "technology")!, url: `/roles/${view.slug}` }));
    expect(html).toContain("Corrected by practitioners");

    const removal = await submitCorrection({
      actor: author,
      input: { occupationCode: code, field: "TECHNOLOGY_SKILLS", operation: "REMOVE", itemKey: officialListItemKey("Second Legacy Tool"), proposedValue: null, rationale: "This tool was never used in the trade.", baseRevisionNumber: 1 },
    });
    await approveSubmission({ actor: moderator, submissionId: removal.id });
    view = (await getRolePage(slug))!;
    expect(view.shown.technologySkills!.value).toEqual([officialTech[0], "Legacy Gadget Tool"]);
  });
});
