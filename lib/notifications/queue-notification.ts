import "server-only";
import { isSuspended } from "@/lib/people/suspension";
import type { Tx } from "@/lib/db/transaction";
import { isEmailConfigured } from "@/lib/email/send-email";
import { FIELD_LABELS } from "@/lib/community/fields";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { siteUrl } from "@/lib/site-url.cjs";

/** A notification about a submission (its decisions, reports) or about a practitioner verification. */
export type QueueNotificationOptions =
  | { userId: string; kind: Exclude<NotificationKind, VerificationNotificationKind>; submissionId: string }
  | { userId: string; kind: VerificationNotificationKind; verificationId: string };

type VerificationNotificationKind = "VERIFICATION_GRANTED" | "VERIFICATION_REFUSED" | "VERIFICATION_REVOKED";

/**
 * Queues an in-app notification inside the caller's transaction (it appears once committed)
 * and, when SMTP is configured, its email in the outbox: the email exists exactly when the
 * decision does, and is sent after the commit (sendPendingEmails).
 */
export async function queueNotification(tx: Tx, options: QueueNotificationOptions) {
  if ("verificationId" in options) return queueVerificationNotification(tx, options);
  const { userId, kind, submissionId } = options;
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

async function queueVerificationNotification(tx: Tx, { userId, kind, verificationId }: Extract<QueueNotificationOptions, { verificationId: string }>) {
  const notification = await tx.notification.create({ data: { userId, kind, verificationId }, select: { id: true } });
  if (isEmailConfigured()) {
    const [user, verification] = await Promise.all([
      tx.user.findUnique({ where: { id: userId }, select: { email: true, bannedAt: true, bannedUntil: true, deletedAt: true } }),
      tx.practitionerVerification.findUniqueOrThrow({ where: { id: verificationId }, select: { occupationCode: true, decisionReason: true, revokeReason: true } }),
    ]);
    if (user?.email && !user.deletedAt && !isSuspended(user)) {
      const occupation = await tx.occupation.findUnique({ where: { code: verification.occupationCode }, select: { title: true } });
      const title = occupation?.title ?? verification.occupationCode;
      const reason = (kind === "VERIFICATION_REVOKED" ? verification.revokeReason : verification.decisionReason) ?? "not given";
      const lines: Record<VerificationNotificationKind, { subject: string; body: string }> = {
        VERIFICATION_GRANTED: { subject: `Verified: practitioner of ${title}`, body: `A moderator verified you as a practitioner of ${title}. Your badge shows beside your contributions.` },
        VERIFICATION_REFUSED: { subject: `Not verified: practitioner of ${title}`, body: `A moderator did not verify you as a practitioner of ${title}.` },
        VERIFICATION_REVOKED: { subject: `Verification withdrawn: practitioner of ${title}`, body: `A moderator withdrew your verification as a practitioner of ${title}.` },
      };
      const text = ["Hello,", "", lines[kind].body, "", `Reason: ${reason}`, "", `Your verifications: ${siteUrl()}/me/verifications`, "", "— Careerwiki"].join("\n");
      await tx.outboxEmail.create({ data: { notificationId: notification.id, to: user.email, subject: lines[kind].subject, text } });
    }
  }
  return notification;
}

/** Subject and plain text of a notification's email. The message is the moderator's own words. */
function notificationEmail(kind: Exclude<NotificationKind, VerificationNotificationKind>, { what, page, message }: { what: string; page: string; message: string | null }) {
  const contributions = `${siteUrl()}/me/contributions`;
  const lines: Record<Exclude<NotificationKind, VerificationNotificationKind>, { subject: string; body: string[] }> = {
    SUBMISSION_APPROVED: { subject: `Approved: your ${what} for ${page}`, body: [`A moderator approved your ${what} for ${page}. It is on the page now. Thank you!`] },
    SUBMISSION_DECLINED: { subject: `Declined: your ${what} for ${page}`, body: [`A moderator declined your ${what} for ${page}.`, "", `Reason: ${message ?? "not given"}`] },
    CHANGES_REQUESTED: { subject: `Changes requested: your ${what} for ${page}`, body: [`A moderator asked for changes to your ${what} for ${page}:`, "", message ?? "", "", "You can edit and resubmit it from your contributions."] },
    NARRATIVE_REPORTED: { subject: `Reported: your narrative for ${page}`, body: [`Your narrative for ${page} was reported and is hidden while a moderator reviews it again.`] },
  };
  const { subject, body } = lines[kind];
  return { subject, text: ["Hello,", "", ...body, "", `Your contributions: ${contributions}`, "", "— Careerwiki"].join("\n") };
}
