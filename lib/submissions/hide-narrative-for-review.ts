import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { queueNotification } from "@/lib/notifications/queue-notification";
import { notifyPageWatchers } from "@/lib/watches/notify-page-watchers";
import { latestRevisionNumber, lockPage } from "@/lib/revisions/page-state";

/**
 * Inside the caller's transaction, with the narrative's row locked and known to be published:
 * takes it off the page and back to the queue (APPROVED → PENDING) with the reason, as a
 * REPORT revision of the page, audited, the author notified; its open reports are resolved
 * ("hidden"). Used when enough established reporters agree and when a moderator decides so.
 */
export async function hideNarrativeForReview(tx: Tx, { actor, submissionId, reason, now, byModerator }: { actor: Actor; submissionId: string; reason: string; now: Date; byModerator: boolean }) {
  const submission = await tx.submission.update({
    where: { id: submissionId },
    data: { status: "PENDING", reportedAt: now, reportReason: reason, submittedAt: now, decidedById: null, decidedAt: null },
    select: { authorId: true, occupationCode: true },
  });
  const reports = await tx.narrativeReport.updateMany({
    where: { submissionId, resolvedAt: null },
    data: { resolvedAt: now, resolution: "hidden", resolvedById: byModerator ? actor.userId : null },
  });
  await lockPage(tx, submission.occupationCode);
  const number = (await latestRevisionNumber(tx, submission.occupationCode)) + 1;
  const revision = await tx.revision.create({
    data: { occupationCode: submission.occupationCode, number, kind: "REPORT", field: "NARRATIVE", itemKey: submissionId, before: { published: true }, after: { published: false }, submissionId, actorId: actor.userId, createdAt: now },
    select: { id: true },
  });
  await recordAuditEntry(tx, { actor, action: "narrative.hide", target: { type: "submission", id: submissionId }, before: { status: "APPROVED" }, after: { status: "PENDING", reason, reports: reports.count, byModerator } });
  await queueNotification(tx, { userId: submission.authorId, kind: "NARRATIVE_REPORTED", submissionId });
  await notifyPageWatchers(tx, { revisionId: revision.id, skipUserIds: [actor.userId, submission.authorId] });
  return { occupationCode: submission.occupationCode, revisionNumber: number };
}
