import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { isCorrectionField } from "@/lib/community/fields";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { queueNotification } from "@/lib/notifications/queue-notification";
import { getFieldState, latestRevisionNumber, lockPage, parseFieldState, toStoredState } from "@/lib/revisions/page-state";

/**
 * Inside the caller's transaction, with the correction's row locked and known to be approved
 * and on the page: takes it off the page and back to the queue (APPROVED → PENDING) with the
 * reason. The item shows what it showed before this correction's approval (as a rollback
 * would), as a REPORT revision of the page; audited; its open reports resolved ("hidden"); the
 * author notified. A moderator who approves it again puts it back.
 */
export async function hideCorrectionForReview(tx: Tx, { actor, submissionId, reason, now, byModerator }: { actor: Actor; submissionId: string; reason: string; now: Date; byModerator: boolean }) {
  const submission = await tx.submission.update({
    where: { id: submissionId },
    data: { status: "PENDING", reportedAt: now, reportReason: reason, submittedAt: now, decidedById: null, decidedAt: null },
    select: { authorId: true, occupationCode: true, field: true, itemKey: true },
  });
  const { occupationCode, field, itemKey } = submission;
  if (!field || !isCorrectionField(field) || itemKey === null) throw new AppError("INVALID_INPUT", "This correction is incomplete.");
  const reports = await tx.narrativeReport.updateMany({
    where: { submissionId, resolvedAt: null },
    data: { resolvedAt: now, resolution: "hidden", resolvedById: byModerator ? actor.userId : null },
  });
  await lockPage(tx, occupationCode);
  const approval = await tx.revision.findFirst({ where: { submissionId, kind: "APPROVAL" }, orderBy: { number: "desc" }, select: { before: true } });
  const current = await getFieldState(tx, occupationCode, field, itemKey);
  const restored = approval ? parseFieldState(field, approval.before) : { official: true, value: null };
  const number = (await latestRevisionNumber(tx, occupationCode)) + 1;
  if (restored.official) {
    await tx.communityValue.deleteMany({ where: { occupationCode, field, itemKey } });
  } else {
    const value = restored.value ?? Prisma.DbNull;
    await tx.communityValue.update({ where: { occupationCode_field_itemKey: { occupationCode, field, itemKey } }, data: { value, removed: restored.value === null, revisionNumber: number, submissionId: null } });
  }
  // Back in the queue based on the page as it now is: approving it again is no conflict unless the item changes meanwhile.
  await tx.submission.update({ where: { id: submissionId }, data: { baseRevisionNumber: number, baseValue: toStoredState(restored) } });
  await tx.revision.create({
    data: { occupationCode, number, kind: "REPORT", field, itemKey, before: toStoredState(current), after: toStoredState(restored), submissionId, actorId: actor.userId, createdAt: now },
    select: { id: true },
  });
  await recordAuditEntry(tx, { actor, action: "correction.hide", target: { type: "submission", id: submissionId }, before: { status: "APPROVED", state: toStoredState(current) }, after: { status: "PENDING", state: toStoredState(restored), reason, reports: reports.count, byModerator } });
  await queueNotification(tx, { userId: submission.authorId, kind: "NARRATIVE_REPORTED", submissionId });
  return { occupationCode, revisionNumber: number };
}
