import "server-only";
import { z } from "zod";
import { multiLineText } from "@/lib/validation/text";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { queueNotification } from "@/lib/notifications/queue-notification";
import { latestRevisionNumber, lockPage } from "@/lib/revisions/page-state";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { consumeReportAllowance } from "./submission-rate-limit";

export const ZReportNarrativeInputSchema = z.object({
  submissionId: z.string().min(1).max(40),
  reason: multiLineText().pipe(z.string().min(10, "Say what is wrong (at least 10 characters).").max(1000, "The reason can be at most 1000 characters.")),
});

export interface ReportNarrativeOptions {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}

/**
 * Someone reports a published narrative: it leaves the page and goes back to the moderation
 * queue (APPROVED → PENDING) with the report's reason. The page changes, so this is a
 * REPORT revision of it; audited; the author is notified. All in one transaction.
 */
export async function reportNarrative({ actor, input, now = new Date() }: ReportNarrativeOptions) {
  assertCan(actor, "narrative:report");
  const data = parseOrThrow(ZReportNarrativeInputSchema, input);
  await consumeReportAllowance(actor.userId, now);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.submission.updateMany({
      where: { id: data.submissionId, kind: "NARRATIVE", status: "APPROVED" },
      data: { status: "PENDING", reportedAt: now, reportReason: data.reason, submittedAt: now, decidedById: null, decidedAt: null },
    });
    if (updated.count === 0) throw new AppError("NOT_FOUND", "That narrative is not published (it may have been reported already).");
    const submission = await tx.submission.findUniqueOrThrow({ where: { id: data.submissionId }, select: { authorId: true, occupationCode: true } });
    await lockPage(tx, submission.occupationCode);
    const number = (await latestRevisionNumber(tx, submission.occupationCode)) + 1;
    await tx.revision.create({
      data: { occupationCode: submission.occupationCode, number, kind: "REPORT", field: "NARRATIVE", itemKey: data.submissionId, before: { published: true }, after: { published: false }, submissionId: data.submissionId, actorId: actor.userId, createdAt: now },
      select: { id: true },
    });
    await recordAuditEntry(tx, { actor, action: "narrative.report", target: { type: "submission", id: data.submissionId }, before: { status: "APPROVED" }, after: { status: "PENDING", reason: data.reason } });
    await queueNotification(tx, { userId: submission.authorId, kind: "NARRATIVE_REPORTED", submissionId: data.submissionId });
    return { submissionId: data.submissionId, occupationCode: submission.occupationCode };
  });
}
