import "server-only";
import { prisma } from "@/lib/db/prisma";
import { isEmailConfigured } from "@/lib/email/email-configured";
import { sendEmail } from "@/lib/email/send-email";
import { logger } from "@/lib/logging/logger.cjs";

export interface SendPendingEmailsOptions {
  now?: Date;
  /** At most this many emails in one call. */
  limit?: number;
}

/** How long a sender holds a claimed email before another may try it (covers a crash mid-send). */
const CLAIM_MS = 2 * 60_000;
/** After a failure, wait this long times the attempts so far before trying again. */
const RETRY_MS = 60_000;
const MAX_ATTEMPTS = 10;

/**
 * Sends the outbox's unsent emails (written by queueNotification in the deciding
 * transactions), oldest first. Each is first claimed in its own statement (`FOR UPDATE SKIP
 * LOCKED`, `lockedUntil`), so app instances sharing the work never send the same email at
 * the same time; it is marked sent after the SMTP server accepted it. A failure is recorded
 * and retried on a later call. Returns what happened, for logs and tests.
 */
export async function sendPendingEmails({ now = new Date(), limit = 20 }: SendPendingEmailsOptions = {}) {
  const outcome = { sent: 0, failed: 0 };
  if (!isEmailConfigured()) return outcome;
  const claimed = await prisma.$queryRaw<{ id: string; to: string; subject: string; text: string; attempts: number }[]>`
    UPDATE "OutboxEmail" SET "lockedUntil" = ${new Date(now.getTime() + CLAIM_MS)}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "sentAt" IS NULL AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}) AND "attempts" < ${MAX_ATTEMPTS}
      ORDER BY "createdAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "subject", "text", "attempts"`;
  for (const email of claimed) {
    try {
      await sendEmail({ to: email.to, subject: email.subject, text: email.text });
      await prisma.outboxEmail.update({ where: { id: email.id }, data: { sentAt: new Date(), lockedUntil: null, lastError: null } });
      outcome.sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await prisma.outboxEmail.update({ where: { id: email.id }, data: { lockedUntil: new Date(now.getTime() + RETRY_MS * email.attempts), lastError: reason.slice(0, 500) } });
      logger.error({ component: "email", subject: email.subject, to: email.to, attempt: email.attempts }, `could not send: ${reason}`);
      outcome.failed += 1;
    }
  }
  return outcome;
}
