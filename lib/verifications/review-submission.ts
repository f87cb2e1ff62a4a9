import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";
import { socMinorGroupOf } from "@/lib/roles/soc-groups";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { findPractitionerFamilies } from "./practitioner-families";
import { ZReviewSubmissionInputSchema } from "./review-submission.types";

/**
 * A verified practitioner of the item's occupation family (SOC minor group) says whether they
 * agree with a pending submission, and why: one review per reviewer and item, changed by
 * sending it again. Never on their own submission, never once the item is decided (the row is
 * locked while the review is written, so a decision waits for it or comes first). Audited;
 * PRACTITIONER_REVIEWS_PER_HOUR (60) per person. The decision stays with moderators.
 */
export async function reviewSubmission({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }): Promise<{ submissionId: string; updated: boolean }> {
  assertCan(actor, "submission:practitioner-review");
  const { submissionId, verdict, reason } = parseOrThrow(ZReviewSubmissionInputSchema, input);
  const limit = limitFromEnv("PRACTITIONER_REVIEWS_PER_HOUR", 60);
  await consumeRateLimit({ key: `practitioner-review:user:${actor.userId}`, limit, windowSeconds: 3600, message: `You have sent the most reviews allowed in one hour (${limit}).` }, now);
  return prisma.$transaction(async (tx) => {
    const [submission] = await tx.$queryRaw<{ status: string; authorId: string; occupationCode: string }[]>`
      SELECT status::text AS status, "authorId", "occupationCode" FROM "Submission" WHERE id = ${submissionId} FOR SHARE`;
    if (!submission || submission.status === "DRAFT") throw new AppError("NOT_FOUND", "That item does not exist.");
    if (submission.authorId === actor.userId) throw new AppError("FORBIDDEN", "You cannot review your own submission.");
    const family = socMinorGroupOf(submission.occupationCode);
    const families = await findPractitionerFamilies(actor.userId, now, tx);
    if (!family || !families.includes(family)) throw new AppError("FORBIDDEN", "Only practitioners verified in this occupation's family can review it.");
    if (submission.status !== "PENDING") throw new AppError("ALREADY_DECIDED", "This item has already been decided: reviews are closed.");
    const existing = await tx.practitionerReview.findUnique({ where: { submissionId_reviewerId: { submissionId, reviewerId: actor.userId } }, select: { verdict: true, reason: true } });
    await tx.practitionerReview.upsert({
      where: { submissionId_reviewerId: { submissionId, reviewerId: actor.userId } },
      create: { submissionId, reviewerId: actor.userId, verdict, reason, createdAt: now },
      update: { verdict, reason },
    });
    await recordAuditEntry(tx, { actor, action: "submission.practitioner-review", target: { type: "submission", id: submissionId }, before: existing ?? undefined, after: { verdict, reason } });
    return { submissionId, updated: existing !== null };
  });
}
