import { assert, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { AppError } from "@/lib/errors";
import { findDisplayNames, findUserIdsByName, nameOf, UNKNOWN_PERSON } from "@/lib/community/find-display-names";
import { rollbackToRevision } from "@/lib/revisions/rollback-to-revision";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { declineSubmission } from "@/lib/submissions/decline-submission";
import { findQueue } from "@/lib/submissions/find-queue";
import { reportCorrection } from "@/lib/submissions/report-correction";
import { reportNarrative } from "@/lib/submissions/report-narrative";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { submitNarrative } from "@/lib/submissions/submit-narrative";
import { createUser, descriptionCorrection, narrativeDoc, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { AUDIT_PAGE_SIZE, findAuditEntries } from "./find-audit-entries";
import { findModeratorFigures } from "./find-moderator-figures";

useTestDatabase();

const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);
const HOUR = 3_600_000;

let widget: string;
let gadget: string;
beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  ({ code: widget } = await seedOccupation());
  ({ code: gadget } = await seedOccupation("99-0002.00", "Test Gadget Technicians"));
});

/** A user with no display name and no account name, as a magic-link sign-in leaves them. */
async function unnamedUser(role: "CONTRIBUTOR" | "MODERATOR" | "ADMIN") {
  const user = await prisma.user.create({ data: { email: `${Math.random().toString(36).slice(2)}@example.test`, role }, select: { id: true, role: true, number: true } });
  return { userId: user.id, role: user.role, number: user.number };
}

describe("people without a display name", () => {
  it("are shown by a stable label from their own number, never as a shared 'A contributor'", async () => {
    const [contributor, other, moderator] = [await unnamedUser("CONTRIBUTOR"), await unnamedUser("CONTRIBUTOR"), await unnamedUser("MODERATOR")];
    const names = await findDisplayNames([contributor.userId, other.userId, moderator.userId]);
    expect(nameOf(names, contributor.userId)).toBe(`Contributor ${contributor.number}`);
    expect(nameOf(names, other.userId)).toBe(`Contributor ${other.number}`);
    expect(other.number).toBeGreaterThan(contributor.number);
    expect(nameOf(names, moderator.userId)).toBe(`Moderator ${moderator.number}`);
    // The same person is labelled the same way on every read; an id with no account left says so.
    expect(nameOf(await findDisplayNames([contributor.userId]), contributor.userId)).toBe(`Contributor ${contributor.number}`);
    expect(nameOf(names, "no-such-user")).toBe(UNKNOWN_PERSON);
    // A label finds its person again (the queue's author filter and the audit log's "who").
    expect(await findUserIdsByName(`moderator ${moderator.number}`)).toEqual([moderator.userId]);
    const submission = await submitCorrection({ actor: contributor, input: descriptionCorrection(widget, "Labelled authors can be found in the queue.") });
    const queue = await findQueue({ actor: moderator, filters: { author: `Contributor ${contributor.number}` } });
    expect(queue.items.map((item) => [item.id, item.authorName])).toEqual([[submission.id, `Contributor ${contributor.number}`]]);
    await prisma.submission.update({ where: { id: submission.id }, data: { status: "WITHDRAWN" } });
  });
});

describe("the audit log", () => {
  it("records the page of each entry, and filters by who, action, occupation and day, a page at a time", async () => {
    const author = await createUser("CONTRIBUTOR", "Audit Author");
    const moderator = await unnamedUser("MODERATOR");
    const onWidget = await submitCorrection({ actor: author, input: descriptionCorrection(widget, "Audited change of the widget page.") });
    const onGadget = await submitCorrection({ actor: author, input: descriptionCorrection(gadget, "Audited change of the gadget page.") });
    await approveSubmission({ actor: moderator, submissionId: onWidget.id });
    await declineSubmission({ actor: moderator, input: { submissionId: onGadget.id, reason: "no-source" } });
    // Every entry about a submission carries its page.
    const entries = await prisma.auditEntry.findMany({ where: { targetId: { in: [onWidget.id, onGadget.id] } }, select: { action: true, occupationCode: true, targetId: true } });
    expect(entries.map((e) => [e.action, e.occupationCode]).sort()).toEqual([
      ["submission.approve", widget],
      ["submission.decline", gadget],
      ["submission.submit", widget],
      ["submission.submit", gadget],
    ]);

    const byLabel = await findAuditEntries({ actor: moderator, input: { actor: `Moderator ${moderator.number}` } });
    expect(byLabel.entries.map((e) => [e.action, e.actorName]).sort()).toEqual([
      ["submission.approve", `Moderator ${moderator.number}`],
      ["submission.decline", `Moderator ${moderator.number}`],
    ]);
    expect((await findAuditEntries({ actor: moderator, input: { actor: "audit author", occupationCode: gadget } })).entries.map((e) => e.targetId)).toEqual([onGadget.id]);
    expect((await findAuditEntries({ actor: moderator, input: { action: "submission.decline" } })).entries.map((e) => e.targetId)).toEqual([onGadget.id]);

    // 120 older entries over three days, for the days and the pages.
    const days = ["2025-01-01", "2025-01-02", "2025-01-03"];
    await prisma.auditEntry.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ actorId: moderator.userId, action: "submission.claim", targetType: "submission", targetId: `old-${i}`, occupationCode: widget, createdAt: new Date(`${days[i % 3]}T${String(i % 24).padStart(2, "0")}:00:00Z`) })),
    });
    const day2 = await findAuditEntries({ actor: moderator, input: { from: "2025-01-02", to: "2025-01-02" } });
    expect(day2.matching).toBe(40);
    expect(day2.entries.every((e) => e.createdAt.toISOString().startsWith("2025-01-02"))).toBe(true);
    const claims = { action: "submission.claim", occupationCode: widget };
    const pages = [1, 2, 3].map((page) => findAuditEntries({ actor: moderator, input: { ...claims, page } }));
    const [one, two, three] = await Promise.all(pages);
    expect([one!.matching, one!.pageCount, one!.entries.length, two!.entries.length, three!.entries.length]).toEqual([120, 3, AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 20]);
    const seen = [...one!.entries, ...two!.entries, ...three!.entries];
    expect(new Set(seen.map((e) => e.id)).size).toBe(120);
    expect(seen.map((e) => e.createdAt.getTime())).toEqual(seen.map((e) => e.createdAt.getTime()).sort((a, b) => b - a));

    expect((await fail(findAuditEntries({ actor: moderator, input: { from: "yesterday" } })))?.code).toBe("INVALID_INPUT");
    expect((await fail(findAuditEntries({ actor: moderator, input: { action: "submission.delete-everything" } })))?.code).toBe("INVALID_INPUT");
    expect((await fail(findAuditEntries({ actor: moderator, input: { occupationCode: "15-1299" } })))?.code).toBe("INVALID_INPUT");
    // Reversed days would match nothing: refused, saying so.
    const reversed = await fail(findAuditEntries({ actor: moderator, input: { from: "2027-01-01", to: "2026-01-01" } }));
    expect(reversed?.code).toBe("INVALID_INPUT");
    expect(reversed?.fieldErrors?.from).toEqual(["The “From” day is after the “To” day: swap them to see the entries between them."]);
    expect((await fail(findAuditEntries({ actor: author, input: {} })))?.code).toBe("FORBIDDEN");
  });
});

describe("per-moderator figures", () => {
  it("count each moderator's decisions, their median time to decide and the approvals later rolled back (admins only)", async () => {
    const admin = await createUser("ADMIN", "Figures Admin");
    const careful = await createUser("MODERATOR", "Careful Moderator");
    const hasty = await createUser("MODERATOR", "Hasty Moderator");
    const author = await createUser("CONTRIBUTOR", "Figures Author");
    const now = new Date();
    const send = async (code: string, text: string, hoursAgo: number) => submitCorrection({ actor: author, input: descriptionCorrection(code, text, await latest(code)), now: new Date(now.getTime() - hoursAgo * HOUR) });
    const latest = async (code: string) => (await prisma.revision.aggregate({ where: { occupationCode: code }, _max: { number: true } }))._max.number ?? 0;

    // Hasty approves two changes of the gadget description (sent 2 h and 4 h before); the second is rolled back.
    const first = await send(gadget, "Hasty approval number one, which stays.", 4);
    await approveSubmission({ actor: hasty, submissionId: first.id });
    const second = await send(gadget, "Hasty approval number two, rolled back.", 2);
    const approved = await approveSubmission({ actor: hasty, submissionId: second.id });
    assert(approved.published);
    const revision = await prisma.revision.findFirstOrThrow({ where: { occupationCode: gadget, number: approved.revisionNumber } });
    await rollbackToRevision({ actor: careful, input: { revisionId: revision.id, restore: "before" } });
    // Careful declines one sent 10 hours before.
    const third = await send(widget, "Careful declines this one.", 10);
    await declineSubmission({ actor: careful, input: { submissionId: third.id, reason: "no-source" } });

    const figures = await findModeratorFigures({ actor: admin, input: { days: "30" } });
    expect(figures.days).toBe(30);
    const of = (name: string) => figures.moderators.find((m) => m.name === name)!;
    expect(of("Hasty Moderator")).toMatchObject({ decisions: 2, approvals: 2, declines: 0, approvedChanges: 2, rolledBack: 1 });
    expect(of("Hasty Moderator").medianDecideMs).toBeGreaterThanOrEqual(3 * HOUR - 60_000);
    expect(of("Hasty Moderator").medianDecideMs).toBeLessThanOrEqual(3 * HOUR + 60_000);
    expect(of("Careful Moderator")).toMatchObject({ decisions: 1, approvals: 0, declines: 1, approvedChanges: 0, rolledBack: 0 });
    expect(of("Careful Moderator").medianDecideMs).toBeGreaterThanOrEqual(10 * HOUR - 60_000);
    // Every moderator and admin is listed, with or without decisions.
    expect(of("Figures Admin")).toMatchObject({ decisions: 0, medianDecideMs: null });
    expect(figures.moderators.some((m) => m.name === "Figures Author")).toBe(false);

    // Restoring the approval's own state again is not a rollback of it.
    await rollbackToRevision({ actor: careful, input: { revisionId: revision.id, restore: "after" } });
    expect((await findModeratorFigures({ actor: admin })).moderators.find((m) => m.name === "Hasty Moderator")).toMatchObject({ rolledBack: 1 });

    expect((await fail(findModeratorFigures({ actor: careful })))?.code).toBe("FORBIDDEN");
    expect((await fail(findModeratorFigures({ actor: admin, input: { days: "7" } })))?.code).toBe("INVALID_INPUT");
  });

  it("count approvals later reported, corrections as well as narratives", async () => {
    process.env.REPORTS_PER_HOUR = "1000";
    const admin = await createUser("ADMIN", "Reports Admin");
    const moderator = await createUser("MODERATOR", "Reported Moderator");
    const author = await createUser("CONTRIBUTOR", "Reported Author");
    const reader = await createUser("CONTRIBUTOR", "Reporting Reader");
    const code = "99-0003.00";
    await seedOccupation(code, "Test Sprocket Fitters");
    const latest = async () => (await prisma.revision.aggregate({ where: { occupationCode: code }, _max: { number: true } }))._max.number ?? 0;
    const figures = async () => (await findModeratorFigures({ actor: admin })).moderators.find((m) => m.name === "Reported Moderator")!;

    const kept = await submitCorrection({ actor: author, input: descriptionCorrection(code, "A correction nobody reports afterwards.", await latest()) });
    await approveSubmission({ actor: moderator, submissionId: kept.id });
    const reported = await submitCorrection({ actor: author, input: { occupationCode: code, field: "ALTERNATE_TITLES", operation: "ADD", proposedValue: { item: "Sprocket Wrangler" }, rationale: "Job adverts use this title.", baseRevisionNumber: await latest() } });
    await approveSubmission({ actor: moderator, submissionId: reported.id });
    expect(await figures()).toMatchObject({ approvals: 2, approvedContributions: 2, reportedAfterApproval: 0 });

    // A reader reports the approved list item: the moderator's approval now counts as reported.
    expect(await reportCorrection({ actor: reader, input: { submissionId: reported.id, reason: "Nobody uses this title; it reads like an advert." } })).toMatchObject({ outcome: "queued" });
    expect(await figures()).toMatchObject({ approvedContributions: 2, reportedAfterApproval: 1 });

    // And a reported narrative, as before.
    const narrative = await submitNarrative({ actor: author, input: { occupationCode: code, doc: narrativeDoc("I have fitted sprockets for years. ".repeat(8)), yearsInRole: 3 } });
    await approveSubmission({ actor: moderator, submissionId: narrative.id });
    await reportNarrative({ actor: reader, input: { submissionId: narrative.id, reason: "This reads like an advert for one company." } });
    expect(await figures()).toMatchObject({ approvals: 3, approvedContributions: 3, reportedAfterApproval: 2 });
  });
});
