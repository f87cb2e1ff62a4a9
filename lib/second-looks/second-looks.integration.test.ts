import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { rollbackToRevision } from "@/lib/revisions/rollback-to-revision";
import { findNotifications } from "@/lib/notifications/find-notifications";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { getSubmissionForReviewOrThrow } from "@/lib/submissions/get-submission-for-review";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { findSecondLooks, SECOND_LOOK_PAGE_SIZE } from "./find-second-looks";
import { recordSecondLookFinding } from "./record-second-look-finding";
import { secondLookRate } from "./sample-second-look";

useTestDatabase();

let code: string;
let author: Awaited<ReturnType<typeof createUser>>;
let approver: Awaited<ReturnType<typeof createUser>>;
let lookerB: Awaited<ReturnType<typeof createUser>>;
let lookerC: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  ({ code } = await seedOccupation());
  author = await createUser("CONTRIBUTOR", "Look Author");
  approver = await createUser("MODERATOR", "Look Approver");
  lookerB = await createUser("MODERATOR", "Looker B");
  lookerC = await createUser("MODERATOR", "Looker C");
  // A suspended moderator is never asked.
  const suspended = await createUser("MODERATOR", "Suspended Looker");
  await prisma.user.update({ where: { id: suspended.userId }, data: { bannedAt: new Date(), banReason: "test" } });
});

afterEach(() => {
  delete process.env.SECOND_LOOK_RATE;
});

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)));
const latest = async () => (await prisma.revision.aggregate({ where: { occupationCode: code }, _max: { number: true } }))._max.number ?? 0;

async function approved(text: string, by = approver) {
  const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code, text, await latest()) });
  const result = await approveSubmission({ actor: by, submissionId: submission.id });
  return { submissionId: submission.id, result };
}

describe("sampling approvals for a second look", () => {
  it("samples at the configured rate in the approval's transaction, never asking the approver or the author", async () => {
    process.env.SECOND_LOOK_RATE = "0";
    const { submissionId: unsampled } = await approved("Not sampled at a rate of zero, ever.");
    expect(await prisma.secondLook.count({ where: { submissionId: unsampled } })).toBe(0);

    process.env.SECOND_LOOK_RATE = "1";
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await approved(`Sampled approval number ${i}, always at rate one.`)).submissionId);
    const looks = await prisma.secondLook.findMany({ where: { submissionId: { in: ids } } });
    expect(looks).toHaveLength(6);
    for (const look of looks) {
      expect(look.approverId).toBe(approver.userId);
      expect([lookerB.userId, lookerC.userId]).toContain(look.assigneeId);
      const revision = await prisma.revision.findUniqueOrThrow({ where: { id: look.revisionId } });
      expect([revision.submissionId, revision.actorId, revision.kind]).toEqual([look.submissionId, approver.userId, "APPROVAL"]);
    }
    // The least-loaded moderator is asked: the open looks are shared out evenly.
    const counts = [lookerB, lookerC].map((m) => looks.filter((l) => l.assigneeId === m.userId).length);
    expect(counts).toEqual([3, 3]);
  });

  it("tells the assigned moderator in the app (and by email with SMTP), once, and the review page names the second look", async () => {
    process.env.SECOND_LOOK_RATE = "1";
    process.env.EMAIL_SERVER = "smtp://127.0.0.1:9";
    try {
      const { submissionId } = await approved("Sampled, and its assignee is told of it.");
      const look = await prisma.secondLook.findFirstOrThrow({ where: { submissionId } });
      const assignee = look.assigneeId === lookerB.userId ? lookerB : lookerC;
      const notification = await prisma.notification.findUniqueOrThrow({ where: { dedupeKey: `second-look:${look.id}` }, include: { email: true } });
      expect(notification).toMatchObject({ userId: assignee.userId, kind: "SECOND_LOOK_ASSIGNED", occupationCode: code, summary: "An approval of a correction (description) on Test Widget Engineers was sampled for your second look." });
      expect(notification.email?.text).toContain(`/moderation/${submissionId}`);
      expect(notification.email?.text).toContain(`/moderation/second-looks#second-look-${look.id}`);
      const inApp = (await findNotifications({ actor: assignee })).items.find((item) => item.id === notification.id);
      expect(inApp?.link).toEqual({ href: "/moderation/second-looks", label: "See your second looks" });
      // Nobody else hears of it: not the approver, not the other moderator.
      expect(await prisma.notification.count({ where: { kind: "SECOND_LOOK_ASSIGNED", dedupeKey: `second-look:${look.id}`, userId: { not: assignee.userId } } })).toBe(0);

      const review = await getSubmissionForReviewOrThrow({ actor: approver, submissionId });
      expect(review.secondLooks).toEqual([{ id: look.id, assigneeName: assignee.name, finding: null, sampledAt: look.sampledAt }]);
    } finally {
      delete process.env.EMAIL_SERVER;
    }
    process.env.SECOND_LOOK_RATE = "0";
    const { submissionId: unsampled } = await approved("Not sampled: its review page names no second look.");
    expect((await getSubmissionForReviewOrThrow({ actor: approver, submissionId: unsampled })).secondLooks).toEqual([]);
  });

  it("does not ask the first approver of a two-person correction either", async () => {
    process.env.SECOND_LOOK_RATE = "1";
    const submission = await submitCorrection({ actor: author, input: { occupationCode: code, field: "PAY_OUTLOOK_NOTE", operation: "CHANGE", proposedValue: { text: "Pay rises with each licence level." }, rationale: "Practitioners see this differently today.", baseRevisionNumber: await latest() } });
    await approveSubmission({ actor: lookerB, submissionId: submission.id });
    expect(await prisma.secondLook.count({ where: { submissionId: submission.id } })).toBe(0);
    await approveSubmission({ actor: approver, submissionId: submission.id });
    const look = await prisma.secondLook.findFirstOrThrow({ where: { submissionId: submission.id } });
    expect([look.approverId, look.assigneeId]).toEqual([approver.userId, lookerC.userId]);
  });

  it("refuses a SECOND_LOOK_RATE that is not a share, saying what it should be", () => {
    process.env.SECOND_LOOK_RATE = "5%";
    expect(() => secondLookRate()).toThrow('SECOND_LOOK_RATE is a share between 0 and 1, e.g. 0.05 for 5 %. Found: "5%".');
    process.env.SECOND_LOOK_RATE = "1.5";
    expect(() => secondLookRate()).toThrow(/between 0 and 1/);
    delete process.env.SECOND_LOOK_RATE;
    expect(secondLookRate()).toBe(0.05);
  });
});

describe("recording a finding", () => {
  it("only the assignee records it, once, audited; a problem is undone with the page's rollback; findings are listed with filters", async () => {
    process.env.SECOND_LOOK_RATE = "1";
    const { submissionId, result } = await approved("This approval will turn out to be a problem.");
    const look = await prisma.secondLook.findFirstOrThrow({ where: { submissionId } });
    const assignee = look.assigneeId === lookerB.userId ? lookerB : lookerC;
    const other = assignee === lookerB ? lookerC : lookerB;

    expect((await errorOf(recordSecondLookFinding({ actor: approver, input: { secondLookId: look.id, finding: "fine" } })))?.message).toBe("A second look is for someone else: you approved or wrote this change.");
    expect((await errorOf(recordSecondLookFinding({ actor: other, input: { secondLookId: look.id, finding: "fine" } })))?.message).toBe("This second look is assigned to another moderator.");
    expect((await errorOf(recordSecondLookFinding({ actor: author, input: { secondLookId: look.id, finding: "fine" } })))?.code).toBe("FORBIDDEN");
    const noNote = await errorOf(recordSecondLookFinding({ actor: assignee, input: { secondLookId: look.id, finding: "problem" } }));
    expect([noNote?.code, noNote?.fieldErrors?.note]).toEqual(["INVALID_INPUT", ["Say what the problem is in a few words (at least 10 characters)."]]);
    expect((await errorOf(recordSecondLookFinding({ actor: assignee, input: { secondLookId: look.id, finding: "maybe" } })))?.code).toBe("INVALID_INPUT");
    expect((await prisma.secondLook.findUniqueOrThrow({ where: { id: look.id } })).foundAt).toBeNull();

    // The assignee and an admin at once: exactly one finding is recorded.
    const admin = await createUser("ADMIN", "Look Admin");
    const race = await Promise.allSettled([
      recordSecondLookFinding({ actor: assignee, input: { secondLookId: look.id, finding: "problem", note: "The new description drops the safety duties." } }),
      recordSecondLookFinding({ actor: admin, input: { secondLookId: look.id, finding: "fine" } }),
    ]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = race.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect((rejected?.reason as AppError).code).toBe("CONFLICT");
    const stored = await prisma.secondLook.findUniqueOrThrow({ where: { id: look.id } });
    expect(stored.foundAt).not.toBeNull();
    expect(await prisma.auditEntry.count({ where: { action: "second-look.record", targetId: look.revisionId, occupationCode: code } })).toBe(1);
    expect((await errorOf(recordSecondLookFinding({ actor: assignee, input: { secondLookId: look.id, finding: "fine" } })))?.code).toBe("CONFLICT");

    // A problem: the approval is undone through the page's rollback.
    if (!result.published) throw new Error("expected a published approval");
    const rollback = await rollbackToRevision({ actor: assignee, input: { revisionId: look.revisionId, restore: "before" } });
    expect(rollback.revisionNumber).toBe(result.revisionNumber + 1);

    // Listed: mine (the assignee's), everyone's, by status; the approver does not see it among theirs.
    const mine = await findSecondLooks({ actor: assignee, input: { whose: "mine" } });
    expect(mine.items.map((i) => i.id)).toContain(look.id);
    expect((await findSecondLooks({ actor: approver, input: { whose: "mine" } })).items.map((i) => i.id)).not.toContain(look.id);
    const all = await findSecondLooks({ actor: approver, input: { whose: "all", status: stored.finding! } });
    const listed = all.items.find((i) => i.id === look.id)!;
    expect(listed).toMatchObject({ finding: stored.finding, approverName: "Look Approver", what: "Description", occupationCode: code, canRecord: false });
    const open = await findSecondLooks({ actor: approver, input: { whose: "all", status: "open" } });
    expect(open.items.every((i) => i.finding === null)).toBe(true);
    expect(open.items.map((i) => i.id)).not.toContain(look.id);
    expect((await errorOf(findSecondLooks({ actor: approver, input: { status: "closed" } })))?.code).toBe("INVALID_INPUT");
    expect((await errorOf(findSecondLooks({ actor: author })))?.code).toBe("FORBIDDEN");
  });

  it("lists one change's second looks by its id, even when a page of newer ones would push them off the first page", async () => {
    process.env.SECOND_LOOK_RATE = "1";
    const { submissionId } = await approved("An approval sampled before many others.");
    const look = await prisma.secondLook.findFirstOrThrow({ where: { submissionId } });
    // A page of newer approvals, each sampled too.
    for (let index = 0; index < SECOND_LOOK_PAGE_SIZE; index++) await approved(`A later approval, number ${index + 1}.`);

    expect((await findSecondLooks({ actor: lookerB, input: { whose: "all" } })).items.map((i) => i.id)).not.toContain(look.id);
    const ofChange = await findSecondLooks({ actor: lookerB, input: { whose: "all", submission: submissionId } });
    expect(ofChange.items.map((i) => i.id)).toEqual([look.id]);
    expect([ofChange.submission, ofChange.matching]).toEqual([submissionId, 1]);
    expect((await errorOf(findSecondLooks({ actor: lookerB, input: { submission: "x".repeat(65) } })))?.code).toBe("INVALID_INPUT");
  });
});
