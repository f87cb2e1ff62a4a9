import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The rules every moderation decision shares, checked inside the deciding transaction:
 * the submission exists, is not the moderator's own, is still PENDING, and is not claimed
 * by another moderator. The status change itself is a conditional update
 * (`WHERE id = ? AND status = 'PENDING'`): of two concurrent decisions exactly one matches
 * the row; the other finds it decided and fails with ALREADY_DECIDED.
 */
export async function takeDecision(tx: Tx, { actor, submissionId, now, data }: { actor: Actor; submissionId: string; now: Date; data: Prisma.SubmissionUpdateManyMutationInput }) {
  const submission = await tx.submission.findUnique({ where: { id: submissionId } });
  if (!submission || submission.status === "DRAFT") throw new AppError("NOT_FOUND", "That submission does not exist.");
  if (submission.authorId === actor.userId) throw new AppError("FORBIDDEN", "Nobody decides on their own submission: another moderator will review it.");
  if (submission.status !== "PENDING") throw new AppError("ALREADY_DECIDED");
  if (submission.claimedById && submission.claimedById !== actor.userId && submission.claimExpiresAt && submission.claimExpiresAt > now) {
    throw new AppError("CONFLICT", "Another moderator has claimed this submission. Wait until their claim expires.");
  }
  const updated = await tx.submission.updateMany({
    where: { id: submissionId, status: "PENDING", authorId: { not: actor.userId } },
    data: { ...data, decidedById: actor.userId, decidedAt: now, claimedById: null, claimExpiresAt: null },
  });
  if (updated.count === 0) throw new AppError("ALREADY_DECIDED");
  return submission;
}
