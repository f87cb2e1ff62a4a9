import "server-only";
import { isSuspended } from "@/lib/people/suspension";
import type { Tx } from "@/lib/db/transaction";
import { isEmailConfigured } from "@/lib/email/send-email";
import { FIELD_LABELS } from "@/lib/community/fields";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { siteUrl } from "@/lib/site-url.cjs";

export interface QueueNotificationOptions {
  userId: string;
  kind: NotificationKind;
  submissionId: string;
}

/**
 * Queues an in-app notification inside the caller's transaction (it appears once committed)
 * and, when SMTP is configured, its email in the outbox: the email exists exactly when the
 * decision does, and is sent after the commit (sendPendingEmails).
 */
export async function queueNotification(tx: Tx, { userId, kind, submissionId }: QueueNotificationOptions) {
  const notification = await tx.notification.create({ data: { userId, kind, submissionId }, select: { id: true } });
  if (isEmailConfigured()) {
    const [user, submission] = await Promise.all([
      tx.user.findUnique({ where: { id: userId }, select: { email: true, bannedAt: true, bannedUntil: true, deletedAt: true } }),
      tx.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { kind: true, field: true, occupationCode: true, decisionMessage: true } }),
    ]);
    if (user?.email && !user.deletedAt && !isSuspended(user)) {
      const occupation = await tx.occupation.findUnique({ where: { code: submission.occupationCode }, select: { title: true } });
      const what = submission.kind === "NARRATIVE" ? "narrative" : `correction (${FIELD_LABELS[submission.field ?? "DESCRIPTION"].toLowerCase()})`;
      const email = notificationEmail(kind, { what, page: occupation?.title ?? submission.occupationCode, message: submission.decisionMessage });
      await tx.outboxEmail.create({ data: { notificationId: notification.id, to: user.email, ...email } });
    }
  }
  return notification;
}

/** Subject and plain text of a notification's email. The message is the moderator's own words. */
function notificationEmail(kind: NotificationKind, { what, page, message }: { what: string; page: string; message: string | null }) {
  const contributions = `${siteUrl()}/me/contributions`;
  const lines: Record<NotificationKind, { subject: string; body: string[] }> = {
    SUBMISSION_APPROVED: { subject: `Approved: your ${what} for ${page}`, body: [`A moderator approved your ${what} for ${page}. It is on the page now. Thank you!`] },
    SUBMISSION_DECLINED: { subject: `Declined: your ${what} for ${page}`, body: [`A moderator declined your ${what} for ${page}.`, "", `Reason: ${message ?? "not given"}`] },
    CHANGES_REQUESTED: { subject: `Changes requested: your ${what} for ${page}`, body: [`A moderator asked for changes to your ${what} for ${page}:`, "", message ?? "", "", "You can edit and resubmit it from your contributions."] },
    // Also sent for a reported correction (the kind is named for where reports began).
    NARRATIVE_REPORTED: { subject: `Reported: your ${what} for ${page}`, body: [`Your ${what} for ${page} was reported and is hidden while a moderator reviews it again.`] },
  };
  const { subject, body } = lines[kind];
  return { subject, text: ["Hello,", "", ...body, "", `Your contributions: ${contributions}`, "", "— Careerwiki"].join("\n") };
}
