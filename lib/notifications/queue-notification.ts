import "server-only";
import { randomUUID } from "node:crypto";
import { isSuspended } from "@/lib/people/suspension";
import type { Tx } from "@/lib/db/transaction";
import { isEmailConfigured } from "@/lib/email/email-configured";
import { FIELD_LABELS } from "@/lib/community/fields";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { siteUrl } from "@/lib/site-url.cjs";
import { signedEmailText } from "./email-text";

/** The kinds about one submission: a decision on it, or its narrative reported. */
export type SubmissionNotificationKind = Extract<NotificationKind, "SUBMISSION_APPROVED" | "SUBMISSION_DECLINED" | "CHANGES_REQUESTED" | "NARRATIVE_REPORTED">;

/** The kinds about a practitioner verification: a moderator's decision on it. */
type VerificationNotificationKind = Extract<NotificationKind, "VERIFICATION_GRANTED" | "VERIFICATION_REFUSED" | "VERIFICATION_REVOKED">;

/** A decision's notification, to the submission's author. */
export interface SubmissionNotification {
  userId: string;
  kind: SubmissionNotificationKind;
  submissionId: string;
}

/** A verification decision's notification, to the person who asked. */
export interface VerificationNotification {
  userId: string;
  kind: VerificationNotificationKind;
  verificationId: string;
}

/**
 * A notification about no submission (a watched page changed, a review digest): what it says
 * in the app (`summary`), its email, and optionally where it points and a key that makes
 * queueing it twice a no-op.
 */
export interface MessageNotification {
  userId: string;
  kind: Exclude<NotificationKind, SubmissionNotificationKind | VerificationNotificationKind>;
  summary: string;
  email: { subject: string; text: string };
  occupationCode?: string;
  revisionId?: string;
  /** Unique: when a notification with this key exists, nothing is queued and null is returned. */
  dedupeKey?: string;
}

export type QueueNotificationOptions = SubmissionNotification | VerificationNotification | MessageNotification;

/**
 * Queues an in-app notification inside the caller's transaction (it appears once committed)
 * and, when SMTP is configured, its email in the outbox: the email exists exactly when the
 * notification does, and is sent after the commit (sendPendingEmails). Returns null when a
 * notification with the same `dedupeKey` was already queued.
 */
export async function queueNotification(tx: Tx, options: QueueNotificationOptions): Promise<{ id: string } | null> {
  if ("verificationId" in options) return queueVerificationNotification(tx, options);
  if (!("submissionId" in options)) return queueMessageNotification(tx, options);
  const { userId, kind, submissionId } = options;
  const notification = await tx.notification.create({ data: { userId, kind, submissionId }, select: { id: true } });
  if (isEmailConfigured()) {
    const [to, submission] = await Promise.all([
      emailRecipient(tx, userId),
      tx.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { kind: true, field: true, occupationCode: true, decisionMessage: true } }),
    ]);
    if (to) {
      const occupation = await tx.occupation.findUnique({ where: { code: submission.occupationCode }, select: { title: true } });
      const what = submission.kind === "NARRATIVE" ? "narrative" : `correction (${FIELD_LABELS[submission.field ?? "DESCRIPTION"].toLowerCase()})`;
      const email = notificationEmail(kind, { what, page: occupation?.title ?? submission.occupationCode, message: submission.decisionMessage });
      await tx.outboxEmail.create({ data: { notificationId: notification.id, to, ...email } });
    }
  }
  return notification;
}

async function queueMessageNotification(tx: Tx, { userId, kind, summary, email, occupationCode, revisionId, dedupeKey }: MessageNotification) {
  if (dedupeKey) {
    // ON CONFLICT DO NOTHING: a second run (another instance, a retried job) adds nothing and
    // leaves the caller's transaction usable, where a unique violation would abort it.
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Notification" ("id", "userId", "kind", "summary", "occupationCode", "revisionId", "dedupeKey")
      VALUES (${`n_${randomUUID()}`}, ${userId}, ${kind}::"NotificationKind", ${summary}, ${occupationCode ?? null}, ${revisionId ?? null}, ${dedupeKey})
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "id"`;
    if (!row) return null;
    await queueEmail(tx, row.id, userId, email);
    return row;
  }
  const notification = await tx.notification.create({ data: { userId, kind, summary, occupationCode: occupationCode ?? null, revisionId: revisionId ?? null }, select: { id: true } });
  await queueEmail(tx, notification.id, userId, email);
  return notification;
}

async function queueEmail(tx: Tx, notificationId: string, userId: string, email: { subject: string; text: string }) {
  if (!isEmailConfigured()) return;
  const to = await emailRecipient(tx, userId);
  if (to) await tx.outboxEmail.create({ data: { notificationId, to, subject: email.subject, text: signedEmailText(email.text) } });
}

async function queueVerificationNotification(tx: Tx, { userId, kind, verificationId }: VerificationNotification) {
  const notification = await tx.notification.create({ data: { userId, kind, verificationId }, select: { id: true } });
  if (isEmailConfigured()) {
    const verification = await tx.practitionerVerification.findUniqueOrThrow({ where: { id: verificationId }, select: { occupationCode: true, decisionReason: true, revokeReason: true } });
    const occupation = await tx.occupation.findUnique({ where: { code: verification.occupationCode }, select: { title: true } });
    const title = occupation?.title ?? verification.occupationCode;
    const reason = (kind === "VERIFICATION_REVOKED" ? verification.revokeReason : verification.decisionReason) ?? "not given";
    const lines: Record<VerificationNotificationKind, { subject: string; body: string }> = {
      VERIFICATION_GRANTED: { subject: `Verified: practitioner of ${title}`, body: `A moderator verified you as a practitioner of ${title}. Your badge shows beside your contributions.` },
      VERIFICATION_REFUSED: { subject: `Not verified: practitioner of ${title}`, body: `A moderator did not verify you as a practitioner of ${title}.` },
      VERIFICATION_REVOKED: { subject: `Verification withdrawn: practitioner of ${title}`, body: `A moderator withdrew your verification as a practitioner of ${title}.` },
    };
    const text = [lines[kind].body, "", `Reason: ${reason}`, "", `Your verifications: ${siteUrl()}/me/verifications`].join("\n");
    await queueEmail(tx, notification.id, userId, { subject: lines[kind].subject, text });
  }
  return notification;
}

/** The address to email, or null for an account that is deleted or suspended. */
async function emailRecipient(tx: Tx, userId: string): Promise<string | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, bannedAt: true, bannedUntil: true, deletedAt: true } });
  return user?.email && !user.deletedAt && !isSuspended(user) ? user.email : null;
}

/** Subject and plain text of a notification's email. The message is the moderator's own words. */
function notificationEmail(kind: SubmissionNotificationKind, { what, page, message }: { what: string; page: string; message: string | null }) {
  const contributions = `${siteUrl()}/me/contributions`;
  const lines: Record<SubmissionNotificationKind, { subject: string; body: string[] }> = {
    SUBMISSION_APPROVED: { subject: `Approved: your ${what} for ${page}`, body: [`A moderator approved your ${what} for ${page}. It is on the page now. Thank you!`] },
    SUBMISSION_DECLINED: { subject: `Declined: your ${what} for ${page}`, body: [`A moderator declined your ${what} for ${page}.`, "", `Reason: ${message ?? "not given"}`] },
    CHANGES_REQUESTED: { subject: `Changes requested: your ${what} for ${page}`, body: [`A moderator asked for changes to your ${what} for ${page}:`, "", message ?? "", "", "You can edit and resubmit it from your contributions."] },
    // Also sent for a reported correction (the kind is named for where reports began).
    NARRATIVE_REPORTED: { subject: `Reported: your ${what} for ${page}`, body: [`Your ${what} for ${page} was reported and is hidden while a moderator reviews it again.`] },
  };
  const { subject, body } = lines[kind];
  return { subject, text: ["Hello,", "", ...body, "", `Your contributions: ${contributions}`, "", "— Careerwiki"].join("\n") };
}
