import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

export interface WithdrawSubmissionOptions {
  actor: Actor | null;
  submissionId: string;
}

const WITHDRAWABLE = ["DRAFT", "PENDING", "CHANGES_REQUESTED"] as const;

/**
 * The author takes back their own submission while it is undecided. Someone else's
 * submission answers NOT_FOUND (its existence is not revealed); a decided one CONFLICT.
 */
export async function withdrawSubmission({ actor, submissionId }: WithdrawSubmissionOptions) {
  assertCan(actor, "submission:withdraw-own");
  return prisma.$transaction(async (tx) => {
    const submission = await tx.submission.findFirst({ where: { id: submissionId, authorId: actor.userId }, select: { id: true, status: true } });
    if (!submission) throw new AppError("NOT_FOUND", "That submission does not exist.");
    const updated = await tx.submission.updateMany({
      where: { id: submissionId, authorId: actor.userId, status: { in: [...WITHDRAWABLE] } },
      data: { status: "WITHDRAWN", claimedById: null, claimExpiresAt: null },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "Only a submission that is still waiting for a decision can be withdrawn.");
    await recordAuditEntry(tx, { actor, action: "submission.withdraw", target: { type: "submission", id: submissionId }, before: { status: submission.status }, after: { status: "WITHDRAWN" } });
    return { submissionId, status: "WITHDRAWN" as const };
  });
}
