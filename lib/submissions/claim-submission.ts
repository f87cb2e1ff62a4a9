import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";

export interface ClaimSubmissionOptions {
  actor: Actor | null;
  submissionId: string;
  now?: Date;
}

/** How long a claim lasts: CLAIM_MINUTES, default 30. */
export function claimDurationMs() {
  return limitFromEnv("CLAIM_MINUTES", 30) * 60_000;
}

/**
 * A moderator claims a pending submission so that others see it is being reviewed. The
 * claim is a row in PostgreSQL (every app instance sees it) and expires by itself; it is
 * taken with one conditional update, so two moderators cannot both hold it. Claiming again
 * extends one's own claim.
 */
export async function claimSubmission({ actor, submissionId, now = new Date() }: ClaimSubmissionOptions) {
  assertCan(actor, "moderation:claim");
  const expiresAt = new Date(now.getTime() + claimDurationMs());
  return prisma.$transaction(async (tx) => {
    const updated = await tx.submission.updateMany({
      where: {
        id: submissionId,
        status: "PENDING",
        authorId: { not: actor.userId },
        OR: [{ claimedById: null }, { claimedById: actor.userId }, { claimExpiresAt: { lt: now } }],
      },
      data: { claimedById: actor.userId, claimExpiresAt: expiresAt },
    });
    if (updated.count === 0) {
      const submission = await tx.submission.findUnique({ where: { id: submissionId }, select: { status: true, authorId: true } });
      if (!submission || submission.status === "DRAFT") throw new AppError("NOT_FOUND", "That submission does not exist.");
      if (submission.authorId === actor.userId) throw new AppError("FORBIDDEN", "You cannot review your own submission.");
      if (submission.status !== "PENDING") throw new AppError("ALREADY_DECIDED");
      throw new AppError("CONFLICT", "Another moderator has already claimed this submission.");
    }
    await recordAuditEntry(tx, { actor, action: "submission.claim", target: { type: "submission", id: submissionId }, after: { claimExpiresAt: expiresAt.toISOString() } });
    return { submissionId, claimedById: actor.userId, claimExpiresAt: expiresAt };
  });
}
