// One report does not unpublish: reports queue a published narrative for the moderators, and
// only open reports from REPORTS_TO_HIDE distinct established accounts (old enough, with an
// approved contribution, not banned) take it off the page before review.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { AppError } from "@/lib/errors";
import { createUser, narrativeDoc, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { approveSubmission } from "./approve-submission";
import { findQueue } from "./find-queue";
import { getSubmissionForReviewOrThrow } from "./get-submission-for-review";
import { reportNarrative } from "./report-narrative";
import { resolveNarrativeReports } from "./resolve-narrative-reports";
import { submitNarrative } from "./submit-narrative";

useTestDatabase();

const NOW = new Date("2026-06-01T12:00:00Z");
const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);

let code: string;
let moderator: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  process.env.REPORTS_PER_HOUR = "1000";
  ({ code } = await seedOccupation());
  moderator = await createUser("MODERATOR", "Report Moderator");
});
beforeEach(() => {
  delete process.env.REPORTS_TO_HIDE;
  delete process.env.REPORTER_MIN_ACCOUNT_DAYS;
  delete process.env.REPORTER_MIN_APPROVED;
});

/** An account `days` old with `approved` approved contributions. */
async function reporter(name: string, { days = 30, approved = 1 }: { days?: number; approved?: number } = {}) {
  const user = await createUser("CONTRIBUTOR", name);
  await prisma.user.update({ where: { id: user.userId }, data: { createdAt: new Date(NOW.getTime() - days * 86_400_000) } });
  for (let i = 0; i < approved; i++) {
    await prisma.submission.create({ data: { kind: "CORRECTION", status: "APPROVED", occupationCode: code, authorId: user.userId, field: "DESCRIPTION", operation: "CHANGE", itemKey: "", proposedValue: { text: `approved ${i}` } } });
  }
  return user;
}

async function publishedNarrative() {
  const author = await createUser();
  const narrative = await submitNarrative({ actor: author, input: { occupationCode: code, doc: narrativeDoc(`A published narrative ${Math.random()}. `.repeat(8)), yearsInRole: 3 } });
  await approveSubmission({ actor: moderator, submissionId: narrative.id });
  return narrative.id;
}

const report = (actor: Awaited<ReturnType<typeof createUser>>, submissionId: string, reason = "It names a customer and their address.") =>
  reportNarrative({ actor, input: { submissionId, reason }, now: NOW });
const statusOf = async (id: string) => (await prisma.submission.findUniqueOrThrow({ where: { id } })).status;

describe("reporting a published narrative", () => {
  it("one report from a brand-new account leaves it published and puts it in the moderators' queue, naming the reporter", async () => {
    const id = await publishedNarrative();
    const newcomer = await createUser("CONTRIBUTOR", "Brand New Reporter");
    await prisma.user.update({ where: { id: newcomer.userId }, data: { createdAt: NOW } });
    await expect(report(newcomer, id)).resolves.toMatchObject({ outcome: "queued" });
    expect(await statusOf(id)).toBe("APPROVED");
    expect(await prisma.revision.count({ where: { submissionId: id, kind: "REPORT" } })).toBe(0);
    expect(await prisma.notification.count({ where: { submissionId: id, kind: "NARRATIVE_REPORTED" } })).toBe(0);

    const queue = await findQueue({ actor: moderator, filters: { kind: "NARRATIVE", occupationCode: code } });
    const item = queue.items.find((i) => i.id === id);
    expect(item).toMatchObject({ onPage: true, openReports: 1, reported: true });
    expect(queue.counts.reportedOnPage).toBeGreaterThanOrEqual(1);
    const review = await getSubmissionForReviewOrThrow({ actor: moderator, submissionId: id });
    expect(review.reports).toEqual([{ id: expect.any(String), reporterName: "Brand New Reporter", reason: "It names a customer and their address.", createdAt: NOW, status: "open" }]);
  });

  it("is hidden once distinct established accounts reach the threshold: a REPORT revision, audited, the author notified", async () => {
    const id = await publishedNarrative();
    const [a, b, c] = [await reporter("Established A"), await reporter("Established B"), await reporter("Established C")];
    expect((await report(a, id)).outcome).toBe("queued");
    expect((await report(b, id)).outcome).toBe("queued");
    expect(await statusOf(id)).toBe("APPROVED");
    expect((await report(c, id, "Third reader: it is an advertisement.")).outcome).toBe("hidden");
    expect(await prisma.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", reportReason: "Third reader: it is an advertisement.", reportedAt: NOW });
    expect(await prisma.revision.findMany({ where: { submissionId: id, kind: "REPORT" }, select: { after: true, actorId: true } })).toEqual([{ after: { published: false }, actorId: c.userId }]);
    expect(await prisma.auditEntry.count({ where: { targetId: id, action: "narrative.report" } })).toBe(3);
    expect(await prisma.auditEntry.count({ where: { targetId: id, action: "narrative.hide" } })).toBe(1);
    expect(await prisma.notification.count({ where: { submissionId: id, kind: "NARRATIVE_REPORTED" } })).toBe(1);
    const review = await getSubmissionForReviewOrThrow({ actor: moderator, submissionId: id });
    expect(review.reports.map((r) => [r.reporterName, r.status]).sort()).toEqual([["Established A", "hidden"], ["Established B", "hidden"], ["Established C", "hidden"]]);
  });

  it("counts the same account once, however often it reports", async () => {
    process.env.REPORTS_TO_HIDE = "2";
    const id = await publishedNarrative();
    const a = await reporter("Repeating Reporter");
    expect((await report(a, id)).outcome).toBe("queued");
    expect((await report(a, id, "Reporting it once more, louder.")).outcome).toBe("already-reported");
    await Promise.all([report(a, id), report(a, id), report(a, id)]);
    expect(await statusOf(id)).toBe("APPROVED");
    expect(await prisma.narrativeReport.count({ where: { submissionId: id } })).toBe(1);
    expect((await report(await reporter("Second Reporter"), id)).outcome).toBe("hidden");
  });

  it("does not count accounts that are too new, have nothing approved, or are banned", async () => {
    process.env.REPORTS_TO_HIDE = "1";
    const id = await publishedNarrative();
    expect((await report(await reporter("Too New", { days: 2 }), id)).outcome).toBe("queued");
    expect((await report(await reporter("Nothing Approved", { approved: 0 }), id)).outcome).toBe("queued");
    const banned = await reporter("Banned Reporter");
    await prisma.user.update({ where: { id: banned.userId }, data: { bannedAt: NOW } });
    expect((await report(banned, id)).outcome).toBe("queued");
    expect(await statusOf(id)).toBe("APPROVED");
    process.env.REPORTER_MIN_ACCOUNT_DAYS = "1";
    expect((await report(await reporter("Old Enough Now", { days: 2 }), id)).outcome).toBe("hidden");
  });

  it("counts reports sent at the same moment one after the other (the narrative's row is locked)", async () => {
    const id = await publishedNarrative();
    const reporters = await Promise.all(["Race A", "Race B", "Race C", "Race D"].map((name) => reporter(name)));
    const outcomes = await Promise.all(reporters.map((r) => report(r, id).then((result) => result.outcome, (error: AppError) => error.code)));
    // The third report hides it; the fourth finds it no longer published.
    expect(outcomes.filter((o) => o === "hidden")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "queued")).toHaveLength(2);
    expect(outcomes.filter((o) => o === "NOT_FOUND")).toHaveLength(1);
    expect(await prisma.revision.count({ where: { submissionId: id, kind: "REPORT" } })).toBe(1);
  });

  it("a moderator keeps it (the reports stop counting and leave the queue) or takes it off the page", async () => {
    process.env.REPORTS_TO_HIDE = "2";
    const id = await publishedNarrative();
    const a = await reporter("Kept Reporter A");
    await report(a, id);
    await resolveNarrativeReports({ actor: moderator, input: { submissionId: id, decision: "keep" }, now: NOW });
    expect(await statusOf(id)).toBe("APPROVED");
    expect((await findQueue({ actor: moderator, filters: { occupationCode: code } })).items.some((i) => i.id === id)).toBe(false);
    expect(await prisma.auditEntry.count({ where: { targetId: id, action: "narrative.keep" } })).toBe(1);
    expect((await fail(resolveNarrativeReports({ actor: moderator, input: { submissionId: id, decision: "keep" } })))?.code).toBe("ALREADY_DECIDED");
    // A's kept report no longer counts: A may report again (it opens again), and one more established reader hides it.
    expect((await report(a, id)).outcome).toBe("queued");
    expect((await report(await reporter("Kept Reporter B"), id)).outcome).toBe("hidden");

    const other = await publishedNarrative();
    await report(await createUser(), other);
    expect((await fail(resolveNarrativeReports({ actor: await createUser(), input: { submissionId: other, decision: "hide" } })))?.code).toBe("FORBIDDEN");
    await resolveNarrativeReports({ actor: moderator, input: { submissionId: other, decision: "hide" } });
    expect(await statusOf(other)).toBe("PENDING");
    expect(await prisma.revision.count({ where: { submissionId: other, kind: "REPORT" } })).toBe(1);
  });
});
