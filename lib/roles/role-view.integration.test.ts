import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RoleArticle } from "@/components/role/role-article";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { prisma } from "@/lib/db/prisma";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { writeRoleDatasets } from "@/tests/support/fixtures/role-fixtures";
import { createUser } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { buildRoleView } from "./build-role-view";
import { getRolePage } from "./get-role-page";
import { escapeMarkdown } from "./markdown/markdown-document";
import { payFigure } from "./pay-ladder";
import type { RolePage } from "./role-page.types";
import { roleJsonLd } from "./role-json-ld";
import { taskImportanceLabel, workProfileValue } from "./role-sentences";
import { roleToMarkdown } from "./role-to-markdown";

// The one role view: the page's HTML, its Markdown, its JSON and its JSON-LD only format
// it. Each format is checked against the view itself, for a page with community content
// (corrections and narratives) and pages without (one with many missing values).

const database = useTestDatabase();
const WIDGET = "99-0001.00";
const URL = "https://careerwiki.example/roles/test-widget-engineers";
let dir: string;
let withCommunity: RolePage;
let official: RolePage;
let missingMuch: RolePage;
const STORIES = ["I keep a notebook of every widget that came back, and why it did.", "Mornings at the test bench, afternoons with customers."];

beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  dir = await mkdtemp(path.join(tmpdir(), "careerwiki-role-view-"));
  await writeRoleDatasets(dir);
  const { failed } = await runImport({ databaseUrl: database.url, dir, report: new ImportReport(() => {}) });
  expect(failed).toEqual([]);
  const author = await createUser("CONTRIBUTOR");
  const moderator = await createUser("MODERATOR");
  const secondModerator = await createUser("MODERATOR");
  const correct = async (input: Record<string, unknown>) => {
    const submission = await submitCorrection({ actor: author, input: { occupationCode: WIDGET, operation: "CHANGE", rationale: "Practitioners see this differently today.", baseRevisionNumber: 99, ...input } });
    const approval = await approveSubmission({ actor: moderator, submissionId: submission.id });
    // A figure field needs a second moderator (two-person rule).
    if (!approval.published) await approveSubmission({ actor: secondModerator, submissionId: submission.id });
  };
  await correct({ field: "DESCRIPTION", proposedValue: { text: "Practitioners design and test widgets in small teams." } });
  await correct({ field: "TASK", itemKey: "onet:90001", proposedValue: { statement: "Design widgets with customers." } });
  await correct({ field: "TASK", operation: "ADD", proposedValue: { statement: "Review widget telemetry." } });
  await correct({ field: "PAY_OUTLOOK_NOTE", proposedValue: { text: "Pay rises quickly after the first certification." } });
  for (const [index, story] of STORIES.entries()) {
    const narrative = await prisma.submission.create({
      data: { kind: "NARRATIVE", status: "PENDING", occupationCode: WIDGET, authorId: author.userId, narrativeHtml: `<h2>Day ${index + 1}</h2><p>${story}</p>`, yearsInRole: index + 2, submittedAt: new Date() },
    });
    await approveSubmission({ actor: moderator, submissionId: narrative.id, now: new Date(Date.now() + index * 60_000) });
  }
  withCommunity = (await getRolePage("test-widget-engineers"))!;
  official = (await getRolePage("test-gadget-technicians"))!;
  missingMuch = (await getRolePage("all-other-test-workers"))!;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&#39;": "'" };
/** The text a reader sees in rendered HTML, white space folded. */
const textOf = (html: string) => fold(html.replace(/<[^>]+>/g, " ").replace(/&(amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITIES[entity]!));
const fold = (text: string) => text.replace(/\s+/g, " ").trim();
const html = (page: RolePage) => renderToStaticMarkup(createElement(RoleArticle, { page, url: URL }));
const markdown = (page: RolePage) => roleToMarkdown(page, { url: URL });

/** What the view says a reader must see, in every format: section titles, shown values, what is missing, narratives. */
function viewTexts(page: RolePage): string[] {
  const { shown } = page;
  return [
    page.title,
    ...page.sections.map((section) => section.title),
    shown.description.value,
    ...shown.alsoKnownAs.value,
    ...shown.tasks.groups.flatMap((group) => [group.heading, ...group.tasks.flatMap((task) => [task.statement, taskImportanceLabel(task.importance) ?? ""])]),
    ...shown.tasks.added.map((task) => task.statement),
    ...shown.related.value.map((role) => role.title),
    ...(shown.pay ? [payFigure(shown.pay.unit, shown.pay.median)] : []),
    ...(shown.payOutlookNote ? [shown.payOutlookNote.value as string] : []),
    ...Object.values(page.missing),
    ...[page.workStyles, page.workValues, page.workContext].flatMap((list) => list?.items.flatMap((item) => [item.name, item.description ?? "", workProfileValue(item)]) ?? []),
    ...page.narratives.flatMap((narrative) => [narrative.author.name, narrative.title, ...narrative.text.split("\n\n")]),
  ].filter(Boolean);
}

describe.each([
  ["with corrections and narratives", () => withCommunity],
  ["official values only", () => official],
  ["with many missing values", () => missingMuch],
])("the one role view, %s", (_name, page) => {
  it("the HTML page shows every value, missing sentence and narrative of the view", () => {
    const text = textOf(html(page()));
    for (const expected of viewTexts(page())) expect(text, expected).toContain(fold(expected));
    for (const section of page().sections) expect(html(page())).toContain(`<h2 id="${section.id}" tabindex="-1">${section.title}</h2>`);
  });

  it("the Markdown has the same sections in the same order, values, missing sentences and narratives", () => {
    const md = markdown(page());
    for (const expected of viewTexts(page())) expect(md, expected).toContain(page().sections.some((s) => s.title === expected) || Object.values(page().missing).includes(expected) ? expected : escapeMarkdown(expected));
    const headings = md.split("\n").filter((line) => line.startsWith("## ")).map((line) => line.slice(3));
    expect(headings).toEqual(page().sections.map((section) => section.title));
    for (const section of page().sections) {
      const body = md.split(`## ${section.title}\n`)[1]!.split("\n## ")[0]!;
      for (const source of section.sources) expect(body, `${section.title} names ${source.name}`).toContain(`${source.name}, ${source.version}`);
    }
  });

  it("the JSON is the view itself, and the JSON-LD describes what the page shows", () => {
    expect(JSON.parse(JSON.stringify(page()))).toEqual(page());
    const ld = roleJsonLd(page(), URL);
    expect(ld.description).toBe(page().shown.description.value || undefined);
    expect(ld.occupationLocation).toEqual({ "@type": "Country", name: "United States" });
  });
});

describe("the one role view: community content", () => {
  it("has every approved narrative, newest first, with its author, in the view and so in the JSON", () => {
    expect(withCommunity.narratives.map((n) => n.text)).toEqual(["Day 2\n\n" + STORIES[1], "Day 1\n\n" + STORIES[0]]);
    expect(withCommunity.narratives[0]).toMatchObject({ title: "3 years in the role", href: expect.stringMatching(/^\/roles\/test-widget-engineers#narrative-/) });
    expect(withCommunity.missing.narratives).toBeUndefined();
    const json = JSON.stringify(withCommunity);
    for (const story of STORIES) expect(json).toContain(story);
  });

  it("the Markdown and the page contain the approved narratives with their authors", () => {
    const md = markdown(withCommunity);
    const author = withCommunity.narratives[0]!.author.name;
    expect(md).toContain(`### 3 years in the role, by ${escapeMarkdown(author)}`);
    for (const story of STORIES) expect(md).toContain(story);
    const page = html(withCommunity);
    // The author's <h2> sits below the narrative's own <h3>; the name links their public profile.
    expect(page).toMatch(/<h3 id="narrative-[^"]+-title">3 years in the role, by <a href="\/people\/\d+">[^<]+<\/a><\/h3>.*<h4>Day 2<\/h4>/s);
  });

  it("shows a corrected value where it lives and the official value only as the official value", () => {
    expect(withCommunity.shown.description).toMatchObject({ value: "Practitioners design and test widgets in small teams.", correction: { revision: 1 } });
    const officialText = withCommunity.description;
    const page = html(withCommunity);
    // The official description is inside the "Official value" disclosure only.
    expect(page.split(officialText)).toHaveLength(2);
    expect(page.indexOf(officialText)).toBeGreaterThan(page.indexOf("Official value ("));
    expect(markdown(withCommunity)).toContain(`Official value (O*NET Database 29.3): ${officialText}`);
    expect(roleJsonLd(withCommunity, URL).description).toBe("Practitioners design and test widgets in small teams.");
    expect(withCommunity.community.lastEditedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(textOf(page)).toContain("Last edited");
  });

  it("a page without community content says so once, and the breadcrumb names its group", () => {
    expect(official.narratives).toEqual([]);
    expect(official.missing.narratives).toBe("No one who does this work has described it here yet.");
    expect(official.community.lastEditedAt).toBeNull();
    expect(official.group).toEqual({ code: "99", name: "Group 99" });
    expect(html(official)).toContain('href="/roles?group=99"');
  });

  it("folds empty rating lists into one sentence instead of three empty headings", () => {
    expect(missingMuch.missing.ratings).toBe("O*NET 29.3 has no skill, knowledge or ability ratings for this occupation.");
    const page = html(missingMuch);
    expect(page).not.toContain("<h3>Skills</h3>");
    expect(page).not.toContain("<h3>Abilities</h3>");
  });

  it("where BLS publishes only hourly wages, the hourly figures are the headline in every format", () => {
    const wages = official.wages!;
    const hourlyOnly = buildRoleView({ ...official, wages: { ...wages, hourlyOnly: true, annual: wages.annual.map((point) => ({ ...point, value: null })) } });
    expect(hourlyOnly.shown.pay).toMatchObject({ unit: "hourly", median: { percentile: 50, value: wages.hourly.find((p) => p.percentile === 50)!.value } });
    const headline = payFigure("hourly", hourlyOnly.shown.pay!.median);
    expect(headline).toMatch(/^\$\d+\.\d{2} an hour$/);
    expect(textOf(html(hourlyOnly))).toContain(`Median pay ${headline}`);
    expect(markdown(hourlyOnly)).toContain(`- **Median pay:** ${headline}`);
    expect(textOf(html(hourlyOnly))).not.toContain("not published a year");
  });

  it("tasks are ordered and marked by O*NET's importance where Task Ratings rate them", () => {
    const tasks = withCommunity.shown.tasks.groups.flatMap((group) => group.tasks);
    expect(withCommunity.tasksRanked).toBe(true);
    expect(tasks.map((task) => [task.key, task.importance])).toEqual([
      ["onet:90001", 4.5],
      ["onet:90002", 3.2],
    ]);
    expect(withCommunity.shown.tasks.added.map((task) => task.importance)).toEqual([null]);
    expect(textOf(html(withCommunity))).toContain("Test widgets under load. (importance 3.20 / 5)");
    expect(markdown(withCommunity)).toContain("- Test widgets under load. _(importance 3.20 / 5)_");
    expect(official.shown.tasks.groups.flatMap((group) => group.tasks).every((task) => task.importance === null)).toBe(true);
  });

  it("work styles and values are ranked by O*NET's score, described, and said missing in a sentence where absent", () => {
    expect(withCommunity.workStyles?.items.map((item) => [item.name, item.value, item.suppressed])).toEqual([
      ["Attention to Detail", 4.8, false],
      ["Cooperation", 4.1, true],
      ["Initiative", 3.9, false],
    ]);
    expect(withCommunity.workStyles?.items[0]).toMatchObject({ scale: { id: "IM", minimum: 1, maximum: 5 }, description: "Job requires being careful about detail and thorough in completing work tasks." });
    expect(withCommunity.workValues?.items.map((item) => item.name)).toEqual(["Achievement", "Independence", "Relationships"]);
    expect(withCommunity.workContext?.items.map((item) => [item.name, item.topAnswer?.label])).toEqual([
      ["Duration of Typical Work Week", "40 hours"],
      ["Public Speaking", "Once a year or more but not every month"],
    ]);
    expect(workProfileValue(withCommunity.workStyles!.items[1]!)).toBe("4.10 / 5; low precision");
    expect(missingMuch.missing.workStyles).toBe("O*NET 29.3 has no work style ratings for this occupation.");
    expect(withCommunity.sections.find((section) => section.id === "work-styles")?.sources.map((source) => source.version)).toEqual(["29.3"]);
    const noContextFile = buildRoleView({ ...official, workContext: null });
    expect(noContextFile.missing.workContext).toBe("No imported O*NET release has work context ratings (Work Context.txt).");
    expect(textOf(html(noContextFile))).toContain(noContextFile.missing.workContext);
    expect(markdown(noContextFile)).toContain(noContextFile.missing.workContext);
  });

  it("a 30.x work style shows its impact on −3 to +3 and its distinctiveness rank in every format", () => {
    const item = { elementId: "1.D.3.b", name: "Attention to Detail", description: null, scale: { id: "WI", name: "Work Styles Impact", minimum: -3, maximum: 3 }, value: -0.5, distinctiveness: 7, topAnswer: null, suppressed: false };
    const page = buildRoleView({ ...official, workStyles: { source: { ...official.onet, version: "30.1" }, items: [item] } });
    expect(workProfileValue(item)).toBe("−0.50 on −3 to +3; distinctive, rank 7");
    expect(textOf(html(page))).toContain("−0.50 on −3 to +3; distinctive, rank 7");
    expect(textOf(html(page))).toContain("Work Styles Impact scale from −3 to +3");
    expect(markdown(page)).toContain("**Attention to Detail** (−0.50 on −3 to +3; distinctive, rank 7)");
  });
});
