// Approved corrections can be reported with a reason, under the narratives' rules: one report
// (or several from fresh accounts) queues the correction and leaves it on the page; open reports
// from REPORTS_TO_HIDE distinct established accounts take it off the page before review.
import { beforeAll, describe, expect, it } from "vitest";
import { officialListItemKey } from "@/lib/community/fields";
import { findCurrentListItems } from "@/lib/community/find-current-list-items";
import { prisma } from "@/lib/db/prisma";
import type { AppError } from "@/lib/errors";
import { createUser, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { approveSubmission } from "./approve-submission";
import { findQueue } from "./find-queue";
import { getSubmissionForReviewOrThrow } from "./get-submission-for-review";
import { reportCorrection } from "./report-correction";
import { resolveNarrativeReports } from "./resolve-narrative-reports";
import { submitCorrection } from "./submit-correction";

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

/** An account `days` old with `approved` approved contributions. */
async function reporter(name: string, { days = 30, approved = 1 }: { days?: number; approved?: number } = {}) {
  const user = await createUser("CONTRIBUTOR", name);
  await prisma.user.update({ where: { id: user.userId }, data: { createdAt: new Date(NOW.getTime() - days * 86_400_000) } });
  for (let i = 0; i < approved; i++) {
    await prisma.submission.create({ data: { kind: "CORRECTION", status: "APPROVED", occupationCode: "00-0000.00", authorId: user.userId, field: "DESCRIPTION", operation: "CHANGE", itemKey: "", proposedValue: { text: `approved ${i}` } } });
  }
  return user;
}

/** An approved correction adding one alternate title. */
async function approvedTitle(item: string) {
  const author = await createUser();
  const latest = (await prisma.revision.aggregate({ where: { occupationCode: code }, _max: { number: true } }))._max.number ?? 0;
  const submission = await submitCorrection({ actor: author, input: { occupationCode: code, field: "ALTERNATE_TITLES", operation: "ADD", proposedValue: { item }, rationale: "Job adverts use this title.", baseRevisionNumber: latest } });
  await approveSubmission({ actor: moderator, submissionId: submission.id });
  return { id: submission.id, itemKey: submission.itemKey!, author };
}

const report = (actor: Awaited<ReturnType<typeof createUser>>, submissionId: string, reason = "Nobody uses this title; it reads like an advert.") =>
  reportCorrection({ actor, input: { submissionId, reason }, now: NOW });
const titles = async () => (await findCurrentListItems(code, "ALTERNATE_TITLES")).items.map((item) => item.text);

describe("reporting an approved correction", () => {
  it("one report from a fresh account, or three, leave it on the page and put it in the queue with the reporter", async () => {
    const { id } = await approvedTitle("Widget Whisperer");
    const fresh = await Promise.all(["Fresh One", "Fresh Two", "Fresh Three"].map((name) => reporter(name, { days: 0, approved: 0 })));
    expect(await report(fresh[0]!, id)).toMatchObject({ outcome: "queued" });
    expect(await report(fresh[0]!, id)).toMatchObject({ outcome: "already-reported" });
    for (const account of fresh.slice(1)) expect(await report(account, id)).toMatchObject({ outcome: "queued" });
    expect(await titles()).toContain("Widget Whisperer");
    expect((await prisma.submission.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
    const queue = await findQueue({ actor: moderator, filters: { occupationCode: code }, now: NOW });
    expect(queue.items.find((item) => item.id === id)).toMatchObject({ reported: true });
    const review = await getSubmissionForReviewOrThrow({ actor: moderator, submissionId: id });
    expect(review.reports.map((r) => r.reporterName).sort()).toEqual(["Fresh One", "Fresh Three", "Fresh Two"]);
    expect(await prisma.auditEntry.count({ where: { action: "correction.report", targetId: id } })).toBe(3);
  });

  it("three established reporters take it off the page: the earlier value shows, a REPORT revision, the author notified; approving again puts it back", async () => {
    const { id, itemKey, author } = await approvedTitle("Widget Guru");
    const established = await Promise.all(["Old Hand A", "Old Hand B", "Old Hand C"].map((name) => reporter(name)));
    expect(await report(established[0]!, id)).toMatchObject({ outcome: "queued" });
    expect(await report(established[1]!, id)).toMatchObject({ outcome: "queued" });
    expect(await report(established[2]!, id)).toMatchObject({ outcome: "hidden" });
    expect(await titles()).not.toContain("Widget Guru");
    expect(await prisma.communityValue.findUnique({ where: { occupationCode_field_itemKey: { occupationCode: code, field: "ALTERNATE_TITLES", itemKey } } })).toBeNull();
    expect((await prisma.submission.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    expect(await prisma.revision.findFirst({ where: { submissionId: id, kind: "REPORT" } })).toMatchObject({ field: "ALTERNATE_TITLES", itemKey, before: { official: false, value: { item: "Widget Guru" } }, after: { official: true, value: null } });
    expect(await prisma.notification.count({ where: { userId: author.userId, submissionId: id, kind: "NARRATIVE_REPORTED" } })).toBe(1);
    expect(await prisma.narrativeReport.count({ where: { submissionId: id, resolution: "hidden" } })).toBe(3);
    // Reports of something not on the page are refused.
    expect(await fail(report(established[0]!, id))).toMatchObject({ code: "NOT_FOUND" });
    await approveSubmission({ actor: moderator, submissionId: id });
    expect(await titles()).toContain("Widget Guru");
  });

  it("a reported removal, once hidden, brings the official item back; a moderator may keep or take off a reported correction", async () => {
    const author = await createUser();
    const removal = await submitCorrection({ actor: author, input: { occupationCode: code, field: "ALTERNATE_TITLES", operation: "REMOVE", itemKey: officialListItemKey("Widget Maker"), proposedValue: null, rationale: "Nobody is called that any more.", baseRevisionNumber: 99 } });
    await approveSubmission({ actor: moderator, submissionId: removal.id });
    expect(await titles()).not.toContain("Widget Maker");
    const one = await reporter("Lone Reporter");
    await report(one, removal.id);
    expect(await fail(resolveNarrativeReports({ actor: author, input: { submissionId: removal.id, decision: "keep" } }))).toMatchObject({ code: "FORBIDDEN" });
    await resolveNarrativeReports({ actor: moderator, input: { submissionId: removal.id, decision: "keep" } });
    expect(await prisma.narrativeReport.count({ where: { submissionId: removal.id, resolution: "kept" } })).toBe(1);
    expect(await titles()).not.toContain("Widget Maker");
    expect(await prisma.auditEntry.count({ where: { action: "correction.keep", targetId: removal.id } })).toBe(1);

    await report(await reporter("Second Reporter"), removal.id);
    await resolveNarrativeReports({ actor: moderator, input: { submissionId: removal.id, decision: "hide" } });
    expect(await titles()).toContain("Widget Maker");
    expect(await prisma.auditEntry.count({ where: { action: "correction.hide", targetId: removal.id } })).toBe(1);
  });

  it("a correction a later one replaced is no longer on the page and cannot be reported; a reader without an account cannot report", async () => {
    const { id, itemKey } = await approvedTitle("Widget Sage");
    const later = await submitCorrection({ actor: await createUser(), input: { occupationCode: code, field: "ALTERNATE_TITLES", operation: "CHANGE", itemKey, proposedValue: { item: "Widget Sage (senior)" }, rationale: "The senior title is the one in use.", baseRevisionNumber: 999 } });
    await approveSubmission({ actor: moderator, submissionId: later.id });
    expect(await fail(report(await reporter("Late Reporter"), id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await fail(reportCorrection({ actor: null, input: { submissionId: later.id, reason: "Not a real title at all." } }))).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
