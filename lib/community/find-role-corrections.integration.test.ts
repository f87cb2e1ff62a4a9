import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RelatedCareers } from "@/components/role/related-careers";
import { RoleHeader } from "@/components/role/role-header";
import { TaskList } from "@/components/role/task-list";
import { TechnologySection } from "@/components/role/technology-section";
import { ImportReport } from "@/lib/datasets/import-report";
import { runImport } from "@/lib/datasets/run-import";
import { AppError } from "@/lib/errors";
import { getRolePage } from "@/lib/roles/get-role-page";
import type { RolePage } from "@/lib/roles/role-page.types";
import { roleToMarkdown } from "@/lib/roles/role-to-markdown";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { createUser } from "@/tests/support/integration/community-factories";
import { writeRoleDatasets } from "@/tests/support/fixtures/role-fixtures";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";

const database = useTestDatabase();
const WIDGET = "99-0001.00";
let dir: string;
let page: RolePage;

/** Submits and approves one correction of the widget page (each based on the latest revision). */
async function approveCorrection(author: Awaited<ReturnType<typeof createUser>>, moderator: Awaited<ReturnType<typeof createUser>>, input: Record<string, unknown>) {
  const submission = await submitCorrection({ actor: author, input: { occupationCode: WIDGET, operation: "CHANGE", rationale: "Practitioners see this differently today.", baseRevisionNumber: 99, ...input } });
  return approveSubmission({ actor: moderator, submissionId: submission.id });
}

beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  dir = await mkdtemp(path.join(tmpdir(), "careerwiki-corrections-"));
  await writeRoleDatasets(dir);
  const { failed } = await runImport({ databaseUrl: database.url, dir, report: new ImportReport(() => {}) });
  expect(failed).toEqual([]);
  const author = await createUser("CONTRIBUTOR");
  const moderator = await createUser("MODERATOR");
  await approveCorrection(author, moderator, { field: "DESCRIPTION", proposedValue: { text: "Practitioners design and test widgets in small teams." } });
  await approveCorrection(author, moderator, { field: "TASK", itemKey: "onet:90001", proposedValue: { statement: "Design widgets with customers." } });
  await approveCorrection(author, moderator, { field: "TASK", operation: "REMOVE", itemKey: "onet:90002", proposedValue: null });
  await approveCorrection(author, moderator, { field: "TASK", operation: "ADD", proposedValue: { statement: "Review widget telemetry." } });
  // Lists are corrected item by item.
  await approveCorrection(author, moderator, { field: "ALTERNATE_TITLES", operation: "ADD", proposedValue: { item: "Widget Smith" } });
  await approveCorrection(author, moderator, { field: "TECHNOLOGY_SKILLS", operation: "ADD", proposedValue: { item: "WidgetCAD" } });
  await approveCorrection(author, moderator, { field: "RELATED_CAREERS", operation: "ADD", proposedValue: { item: "99-0004.00" } });
  // A figure field: two moderators approve (two-person rule), the second publishes.
  const note = await approveCorrection(author, moderator, { field: "PAY_OUTLOOK_NOTE", proposedValue: { text: "Pay rises quickly after the first certification." } });
  await approveSubmission({ actor: await createUser("MODERATOR"), submissionId: note.submissionId });
  page = (await getRolePage("test-widget-engineers"))!;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("approved corrections on the role page", () => {
  it("come with the page data, marked as community values with the official value beside them", () => {
    const byField = (field: string, itemKey = "") => page.community.corrections.find((c) => c.field === field && c.itemKey === itemKey);
    expect(page.community.latestRevision).toBe(8);
    expect(byField("DESCRIPTION")).toMatchObject({ origin: "community", value: "Practitioners design and test widgets in small teams.", official: page.description, revision: 1, historyUrl: "/roles/test-widget-engineers/history#r1" });
    expect(byField("TASK", "onet:90001")).toMatchObject({ value: "Design widgets with customers.", official: "Design widgets to specification." });
    expect(byField("TASK", "onet:90002")).toMatchObject({ value: null, removed: true, official: "Test widgets under load." });
    expect(page.community.corrections.find((c) => c.field === "TASK" && c.itemKey.startsWith("new:"))).toMatchObject({ value: "Review widget telemetry.", official: null });
    const added = (field: string) => page.community.corrections.find((c) => c.field === field && c.itemKey.startsWith("new:"));
    expect(added("ALTERNATE_TITLES")).toMatchObject({ value: "Widget Smith", official: null });
    expect(added("RELATED_CAREERS")).toMatchObject({ value: "99-0004.00", roles: [{ code: "99-0004.00", slug: "all-other-test-workers", title: "All Other Test Workers" }] });
    // The official values themselves are untouched.
    expect(page.description).not.toContain("Practitioners");
    expect(page.tasks.map((t) => t.statement)).toContain("Test widgets under load.");
  });

  it("show in their sections: corrected values marked, official value one click away, removed tasks gone with a note", () => {
    const tasks = renderToStaticMarkup(createElement(TaskList, { page }));
    expect(tasks).toContain("Design widgets with customers.");
    expect(tasks).toMatch(/Corrected by practitioners<\/span><details class="official-value"><summary>Official value \(O\*NET Database [^)]+\)<\/summary><div class="official-value__text">Design widgets to specification\./);
    expect(tasks).toContain('href="/roles/test-widget-engineers/history#r2"');
    expect(tasks).toContain("Tasks added by practitioners");
    expect(tasks).toContain("Review widget telemetry.");
    expect(tasks).toContain("Practitioners removed one official task from this list.");
    // The removed task shows only inside the note's <details>.
    expect(tasks.split("Test widgets under load.")).toHaveLength(2);
    expect(tasks.indexOf("Test widgets under load.")).toBeGreaterThan(tasks.indexOf("Official task removed"));

    const header = renderToStaticMarkup(createElement(RoleHeader, { page }));
    expect(header).toMatch(/Widget Smith <span class="mark mark--community" data-testid="community-item">Added by practitioners/);
    expect(header).toContain("Widget Architect"); // the official titles are all kept
    const technology = renderToStaticMarkup(createElement(TechnologySection, { page, section: page.sections.find((s) => s.id === "technology")!, url: `/roles/${page.slug}` }));
    expect(technology).toMatch(/<li>WidgetCAD <span class="mark mark--community"/);
    const related = renderToStaticMarkup(createElement(RelatedCareers, { page, section: page.sections.find((s) => s.id === "related")! }));
    expect(related).toContain('href="/roles/all-other-test-workers"');
    expect(related).toContain("Added by practitioners");
  });

  it("are in the Markdown export, each marked as community-contributed with the official value", () => {
    const markdown = roleToMarkdown(page, { url: "https://careerwiki.example/roles/test-widget-engineers" });
    expect(markdown).toContain("Practitioners design and test widgets in small teams.\n\n_Community-contributed: corrected by practitioners (revision 1, https://careerwiki.example/roles/test-widget-engineers/history#r1). Official value (O*NET Database");
    expect(markdown).toContain("- Design widgets with customers. _(importance 4.50 / 5)_ _Community-contributed: corrected by practitioners (revision 2");
    expect(markdown).toContain("### Official tasks removed by practitioners\n\n- ~~Test widgets under load.~~ _Community-contributed: removed by practitioners");
    expect(markdown).toContain("### Tasks added by practitioners\n\n- Review widget telemetry.");
    expect(markdown).toContain("### Practitioners' note on pay and outlook\n\nPay rises quickly after the first certification.");
    expect(markdown).toContain("[All Other Test Workers](https://careerwiki.example/roles/all-other-test-workers) (99-0004.00) _(community: added by practitioners");
  });
});

describe("related-career corrections", () => {
  it("refuse codes of occupations that do not exist, and text that is not a code", async () => {
    const author = await createUser("CONTRIBUTOR");
    const unknown = await submitCorrection({
      actor: author,
      input: { occupationCode: WIDGET, field: "RELATED_CAREERS", operation: "ADD", proposedValue: { item: "99-0009.00" }, rationale: "A closer career than the listed ones.", baseRevisionNumber: 99 },
    }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(AppError);
    expect((unknown as AppError).message).toBe("No occupation has the code 99-0009.00.");
    const title = await submitCorrection({
      actor: author,
      input: { occupationCode: WIDGET, field: "RELATED_CAREERS", operation: "ADD", proposedValue: { item: "Widget Testers" }, rationale: "A closer career than the listed ones.", baseRevisionNumber: 99 },
    }).catch((e: unknown) => e);
    expect((title as AppError).code).toBe("INVALID_INPUT");
  });
});
