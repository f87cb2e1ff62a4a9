import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { createUser, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { approveSubmission } from "./approve-submission";
import { claimSubmission } from "./claim-submission";
import { declineSubmission } from "./decline-submission";
import { findMyContributions } from "./find-my-contributions";
import { findQueue } from "./find-queue";
import { getSubmissionForReviewOrThrow } from "./get-submission-for-review";
import { requestChanges } from "./request-changes";
import { resubmitSubmission } from "./resubmit-submission";
import { submitCorrection } from "./submit-correction";
import { requiredApprovals, twoPersonFields } from "./two-person-rule";

useTestDatabase();

let code: string;
let author: Awaited<ReturnType<typeof createUser>>;
let first: Awaited<ReturnType<typeof createUser>>;
let second: Awaited<ReturnType<typeof createUser>>;
let third: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  process.env.SECOND_LOOK_RATE = "0";
  ({ code } = await seedOccupation());
  author = await createUser("CONTRIBUTOR");
  first = await createUser("MODERATOR", "First Approver");
  second = await createUser("MODERATOR", "Second Approver");
  third = await createUser("ADMIN", "Third Approver");
});

afterEach(() => {
  delete process.env.TWO_PERSON_FIELDS;
});

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)));
const latest = async () => (await prisma.revision.aggregate({ where: { occupationCode: code }, _max: { number: true } }))._max.number ?? 0;

async function payNote(text: string, field = "PAY_OUTLOOK_NOTE") {
  const input = { occupationCode: code, field, operation: "CHANGE", proposedValue: { text }, rationale: "Practitioners see this differently today.", baseRevisionNumber: await latest() };
  return submitCorrection({ actor: author, input });
}

const published = async (submissionId: string) => ({
  status: (await prisma.submission.findUniqueOrThrow({ where: { id: submissionId } })).status,
  revisions: await prisma.revision.count({ where: { submissionId } }),
  values: await prisma.communityValue.count({ where: { submissionId } }),
  approvals: await prisma.auditEntry.count({ where: { targetId: submissionId, action: "submission.approve" } }),
  firstApprovals: await prisma.auditEntry.count({ where: { targetId: submissionId, action: "submission.approve-first" } }),
  notifications: await prisma.notification.count({ where: { submissionId } }),
});

describe("the two-person rule for figure fields", () => {
  it("records the first approval as 1 of 2 without touching the page; the second, by another moderator, publishes", async () => {
    const submission = await payNote("Pay rises quickly after the first certification.");
    const before = await latest();

    const one = await approveSubmission({ actor: first, submissionId: submission.id });
    expect(one).toEqual({ submissionId: submission.id, occupationCode: code, published: false, approvals: 1, requiredApprovals: 2 });
    expect(await published(submission.id)).toEqual({ status: "PENDING", revisions: 0, values: 0, approvals: 0, firstApprovals: 1, notifications: 0 });
    expect(await latest()).toBe(before);
    expect(await prisma.communityValue.count({ where: { occupationCode: code, field: "PAY_OUTLOOK_NOTE" } })).toBe(0);

    // "1 of 2" in the queue, on the review page and for the author.
    const queued = (await findQueue({ actor: second })).items.find((item) => item.id === submission.id);
    expect(queued?.approvals).toEqual({ given: 1, required: 2, firstApproverName: "First Approver", mine: false });
    expect((await findQueue({ actor: first })).items.find((item) => item.id === submission.id)?.approvals?.mine).toBe(true);
    const review = await getSubmissionForReviewOrThrow({ actor: second, submissionId: submission.id });
    expect(review.approvals).toMatchObject({ given: 1, required: 2, firstApproverName: "First Approver", mine: false });
    const mine = (await findMyContributions({ actor: author })).find((item) => item.id === submission.id);
    expect(mine?.approvals).toEqual({ given: 1, required: 2 });

    // Neither the first approver again nor the author may give the second.
    const again = await errorOf(approveSubmission({ actor: first, submissionId: submission.id }));
    expect([again?.code, again?.message]).toEqual(["FORBIDDEN", "You gave the first approval. A second moderator (not the author, not you) must approve before it publishes."]);
    const own = await errorOf(approveSubmission({ actor: { ...author, role: "MODERATOR" }, submissionId: submission.id }));
    expect(own?.code).toBe("FORBIDDEN");
    expect(await published(submission.id)).toMatchObject({ status: "PENDING", revisions: 0, firstApprovals: 1 });

    const two = await approveSubmission({ actor: second, submissionId: submission.id });
    expect(two).toEqual({ submissionId: submission.id, occupationCode: code, published: true, revisionNumber: before + 1 });
    expect(await published(submission.id)).toEqual({ status: "APPROVED", revisions: 1, values: 1, approvals: 1, firstApprovals: 1, notifications: 1 });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { targetId: submission.id, action: "submission.approve" } });
    expect([audit.actorId, (audit.after as { firstApprovedById?: string }).firstApprovedById]).toEqual([second.userId, first.userId]);
    expect(await prisma.communityValue.findFirst({ where: { occupationCode: code, field: "PAY_OUTLOOK_NOTE" }, select: { value: true } })).toEqual({ value: { text: "Pay rises quickly after the first certification." } });
    expect((await findMyContributions({ actor: author })).find((item) => item.id === submission.id)?.approvals).toBeNull();
  });

  it("a decline by anyone ends it, also after the first approval", async () => {
    const submission = await payNote("Overtime pays most of the difference in the first years.");
    await approveSubmission({ actor: first, submissionId: submission.id });
    await declineSubmission({ actor: first, input: { submissionId: submission.id, reason: "no-source" } });
    expect(await published(submission.id)).toMatchObject({ status: "DECLINED", revisions: 0, values: 0 });
    expect((await errorOf(approveSubmission({ actor: second, submissionId: submission.id })))?.code).toBe("ALREADY_DECIDED");
    expect(await published(submission.id)).toMatchObject({ status: "DECLINED", revisions: 0, values: 0, approvals: 0 });
  });

  it("respects another moderator's claim for the first approval too, and the first approval releases the approver's claim", async () => {
    const submission = await payNote("Pay depends a lot on the region and the union contract.");
    await claimSubmission({ actor: second, submissionId: submission.id });
    const claimed = await errorOf(approveSubmission({ actor: first, submissionId: submission.id }));
    expect(claimed?.code).toBe("CONFLICT");
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } })).firstApprovedById).toBeNull();
    await approveSubmission({ actor: second, submissionId: submission.id });
    expect(await prisma.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { firstApprovedById: true, claimedById: true } })).toEqual({ firstApprovedById: second.userId, claimedById: null });
    await approveSubmission({ actor: first, submissionId: submission.id });
    expect(await published(submission.id)).toMatchObject({ status: "APPROVED", revisions: 1 });
  });

  it("starts over when the author resubmits after a request for changes", async () => {
    const submission = await payNote("Starting pay is low, but it doubles within five years.");
    await approveSubmission({ actor: first, submissionId: submission.id });
    await requestChanges({ actor: second, input: { submissionId: submission.id, message: "Please add a source for the doubling." } });
    await resubmitSubmission({
      actor: author,
      input: { submissionId: submission.id, field: "PAY_OUTLOOK_NOTE", operation: "CHANGE", proposedValue: { text: "Starting pay is low, but it often doubles within five years." }, rationale: "Added the survey as a source.", sourceUrl: "https://example.org/survey", baseRevisionNumber: await latest() },
    });
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } })).firstApprovedById).toBeNull();
    expect(await approveSubmission({ actor: second, submissionId: submission.id })).toMatchObject({ published: false, approvals: 1 });
    expect(await approveSubmission({ actor: first, submissionId: submission.id })).toMatchObject({ published: true });
  });

  it("applies to the fields TWO_PERSON_FIELDS marks, and refuses a wrong name there with a clear message", async () => {
    expect(requiredApprovals({ kind: "CORRECTION", field: "EDUCATION" })).toBe(1);
    process.env.TWO_PERSON_FIELDS = "EDUCATION, TECHNOLOGY_SKILLS";
    expect([...twoPersonFields()].sort()).toEqual(["EDUCATION", "PAY_OUTLOOK_NOTE", "TECHNOLOGY_SKILLS"]);
    expect(requiredApprovals({ kind: "CORRECTION", field: "DESCRIPTION" })).toBe(1);
    expect(requiredApprovals({ kind: "NARRATIVE", field: null })).toBe(1);
    const education = await payNote("Most start with a two-year degree and an apprenticeship.", "EDUCATION");
    expect(await approveSubmission({ actor: first, submissionId: education.id })).toMatchObject({ published: false });
    expect(await approveSubmission({ actor: second, submissionId: education.id })).toMatchObject({ published: true });

    process.env.TWO_PERSON_FIELDS = "EDUCATION,SALARY";
    expect(() => twoPersonFields()).toThrow(/TWO_PERSON_FIELDS lists correction fields, comma-separated: DESCRIPTION, TASK, .*Found: "EDUCATION,SALARY"/);
  });
});

describe("racing approvals (each on its own connection)", () => {
  it("two second approvals at once: exactly one publishes, the other is told it is decided", async () => {
    for (let round = 0; round < 3; round++) {
      const submission = await payNote(`Race of second approvals, round ${round}: pay varies by shift.`);
      await approveSubmission({ actor: first, submissionId: submission.id });
      const results = await Promise.allSettled([approveSubmission({ actor: second, submissionId: submission.id }), approveSubmission({ actor: third, submissionId: submission.id })]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      expect((lost?.reason as AppError).code).toBe("ALREADY_DECIDED");
      expect(await published(submission.id)).toEqual({ status: "APPROVED", revisions: 1, values: 1, approvals: 1, firstApprovals: 1, notifications: 1 });
    }
  });

  it("first approvals and the first approver again all at once, then a second approval against a decline: one consistent outcome, at most one publication", async () => {
    for (let round = 0; round < 3; round++) {
      const submission = await payNote(`Race of first approvals, round ${round}: pay varies by season.`);
      const results = await Promise.allSettled([
        approveSubmission({ actor: first, submissionId: submission.id }),
        approveSubmission({ actor: second, submissionId: submission.id }),
        approveSubmission({ actor: first, submissionId: submission.id }),
      ]);
      const state = await published(submission.id);
      const stored = await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
      // Exactly one first approval is recorded; a publication needs a second, different moderator.
      expect(state.firstApprovals).toBe(1);
      expect(state.revisions).toBe(state.status === "APPROVED" ? 1 : 0);
      expect(state.values).toBe(state.revisions);
      if (state.status === "APPROVED") expect(stored.decidedById).not.toBe(stored.firstApprovedById);
      const fulfilled = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof approveSubmission>>> => r.status === "fulfilled").map((r) => r.value.published);
      expect(fulfilled.filter((p) => p)).toHaveLength(state.revisions);
      expect(fulfilled.filter((p) => !p)).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(["FORBIDDEN", "ALREADY_DECIDED"]).toContain((r.reason as AppError).code);
      if (state.status === "PENDING") await approveSubmission({ actor: third, submissionId: submission.id });
    }
    const submission = await payNote("Race of a second approval against a decline: pay varies by employer.");
    await approveSubmission({ actor: first, submissionId: submission.id });
    const results = await Promise.allSettled([approveSubmission({ actor: second, submissionId: submission.id }), declineSubmission({ actor: third, input: { submissionId: submission.id, reason: "no-source" } })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const state = await published(submission.id);
    expect(state.revisions).toBe(state.status === "APPROVED" ? 1 : 0);
    expect(["APPROVED", "DECLINED"]).toContain(state.status);
  });
});
