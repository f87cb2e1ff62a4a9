import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { roleCacheTag } from "@/lib/cache/cache-tags";
import { prisma } from "@/lib/db/prisma";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
import { seedUser } from "@/tests/support/seed-users";
import { formData } from "@/tests/support/e2e/server-actions";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { claimSubmission } from "@/lib/submissions/claim-submission";
import { submitCorrection } from "@/lib/submissions/submit-correction";

// The moderation actions as a request runs them, on a real database: the session cookie
// comes from a test jar (next/headers exists only inside a Next request), and next/cache's
// revalidatePath and revalidateTag (recorded as "tag:<tag>") and next/server's after are
// recorded, and made to fail, by the test.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));
const revalidated: string[] = [];
let revalidationFails = false;
function recordRevalidation(target: string) {
  revalidated.push(target);
  if (revalidationFails) throw new Error("Invariant: static generation store missing in revalidatePath");
}
vi.mock("next/cache", () => ({ revalidatePath: recordRevalidation, revalidateTag: (tag: string) => recordRevalidation(`tag:${tag}`) }));
const scheduledAfterResponse: unknown[] = [];
vi.mock("next/server", () => ({ after: (task: unknown) => scheduledAfterResponse.push(task) }));

const { approveSubmissionAction, declineSubmissionAction, rollbackToRevisionAction } = await import("./actions");

const database = useTestDatabase();
let code: string;
let moderator: { userId: string; role: "MODERATOR" };

beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  ({ code } = await seedOccupation());
  const seeded = await seedUser({ databaseUrl: database.url, role: "MODERATOR" });
  moderator = { userId: seeded.id, role: "MODERATOR" };
  jar.set("authjs.session-token", seeded.sessionToken);
});

beforeEach(() => {
  revalidated.length = 0;
  scheduledAfterResponse.length = 0;
  revalidationFails = false;
});

/** A pending description correction written against the page as it is now. */
async function pendingCorrection(text: string) {
  const author = await createUser("CONTRIBUTOR");
  const latest = await prisma.revision.aggregate({ where: { occupationCode: code }, _max: { number: true } });
  return submitCorrection({ actor: author, input: descriptionCorrection(code, text, latest._max.number ?? 0) });
}

describe("work after a moderation decision's commit", () => {
  it("cannot turn a committed approval into an error: every post-commit step is attempted, the moderator is told it is live", async () => {
    const submission = await pendingCorrection("A description approved while revalidation fails.");
    revalidationFails = true;
    const state = await approveSubmissionAction(null, formData({ submissionId: submission.id }));
    expect(state).toEqual({ ok: true, message: expect.stringMatching(/^Approved: revision \d+ of the page is live\.$/) });
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe("APPROVED");
    // The first revalidation threw; the rest still ran: the email is scheduled, the queue revalidated.
    expect(revalidated[0]).toBe(`tag:${roleCacheTag(code)}`);
    expect(revalidated).toContain("/moderation");
    expect(scheduledAfterResponse).toHaveLength(1);
  });

  it("revalidates every representation of the page (its cache tag) without asking the database again", async () => {
    const submission = await pendingCorrection("A description approved with a database that is gone after the commit.");
    const findUnique = vi.spyOn(prisma.occupation, "findUnique").mockRejectedValue(new Error("Can't reach database server at 127.0.0.1"));
    try {
      // Only lookups outside the transaction fail: the transaction's own client is not this one.
      const state = await approveSubmissionAction(null, formData({ submissionId: submission.id }));
      expect(state.ok).toBe(true);
    } finally {
      findUnique.mockRestore();
    }
    expect(revalidated).toEqual(
      expect.arrayContaining([`tag:${roleCacheTag(code)}`, "/moderation"]),
    );
  });

  it("reports a committed rollback as done even when revalidation fails", async () => {
    const submission = await pendingCorrection("A description that will be rolled back.");
    expect((await approveSubmissionAction(null, formData({ submissionId: submission.id }))).ok).toBe(true);
    const revision = await prisma.revision.findFirstOrThrow({ where: { submissionId: submission.id } });
    revalidationFails = true;
    const state = await rollbackToRevisionAction(null, formData({ revisionId: revision.id, restore: "before" }));
    expect(state).toEqual({ ok: true, message: expect.stringMatching(/^Rolled back: revision \d+ of the page is live\.$/) });
    expect(revalidated).toContain(`tag:${roleCacheTag(code)}`);
  });
});

describe("a decision that fails", () => {
  it("releases the moderator's claim at once, audited, instead of keeping the item claimed for 30 minutes", async () => {
    const submission = await pendingCorrection("A correction whose field changes before the decision.");
    await claimSubmission({ actor: moderator, submissionId: submission.id });
    // The field changes after the submission's base revision: approving without "apply anyway" fails.
    const other = await pendingCorrection("A correction approved first.");
    expect((await approveSubmissionAction(null, formData({ submissionId: other.id }))).ok).toBe(true);

    const state = await approveSubmissionAction(null, formData({ submissionId: submission.id }));
    expect(state.ok).toBe(false);
    const stored = await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect({ status: stored.status, claimedById: stored.claimedById, claimExpiresAt: stored.claimExpiresAt }).toEqual({ status: "PENDING", claimedById: null, claimExpiresAt: null });
    const audit = await prisma.auditEntry.findMany({ where: { targetId: submission.id, action: "submission.release-claim" } });
    expect(audit.map((entry) => [entry.actorId, entry.after])).toEqual([[moderator.userId, { claimedById: null, reason: "decision-failed" }]]);
  });

  it("releases the claim whatever the error, and leaves another moderator's claim alone", async () => {
    const mine = await pendingCorrection("A correction declined with a reason that does not exist.");
    await claimSubmission({ actor: moderator, submissionId: mine.id });
    expect((await declineSubmissionAction(null, formData({ submissionId: mine.id, reason: "no-such-reason" }))).ok).toBe(false);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: mine.id } })).claimedById).toBeNull();

    const theirs = await pendingCorrection("A correction another moderator has claimed.");
    const otherModerator = await createUser("MODERATOR");
    await claimSubmission({ actor: otherModerator, submissionId: theirs.id });
    expect((await approveSubmissionAction(null, formData({ submissionId: theirs.id }))).ok).toBe(false);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: theirs.id } })).claimedById).toBe(otherModerator.userId);
  });
});
