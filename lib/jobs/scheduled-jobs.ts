import "server-only";
import { sendPendingEmails } from "@/lib/notifications/send-pending-emails";
import { sendReviewDigests } from "@/lib/reviewers/send-review-digests";
import { applyVerificationExpiries } from "@/lib/verifications/expire-verifications";

export interface ScheduledJob {
  /** The pg-boss queue and schedule name. */
  name: string;
  /** When it runs (cron, UTC; pg-boss's finest step is a minute). */
  cron: string;
  /** After this long a run counts as failed; the next tick tries again. */
  timeoutSeconds: number;
  run(): Promise<unknown>;
}

/** The emails one sweep sends at most: a backlog drains over the following minutes. */
const EMAILS_PER_SWEEP = 100;

/**
 * The work no request triggers, run once across all app instances (lib/jobs/job-queue.ts).
 * Moderation claims need none: a claim is over when `claimExpiresAt` has passed, which every
 * reader of the queue checks.
 */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  {
    // The outbox: a decision sends its emails right after the response; this sweep sends what
    // that missed: an SMTP failure's retry when its wait is over, and emails an instance
    // claimed and never sent (it crashed or was stopped), once their claim has run out.
    name: "send-pending-emails",
    cron: "* * * * *",
    timeoutSeconds: 120,
    run: () => sendPendingEmails({ limit: EMAILS_PER_SWEEP }),
  },
  {
    // The reviewers' digest of what waits in their families (escalated first): one a day per
    // reviewer at REVIEW_DIGEST_CRON (default 07:00 UTC). The notification's dedupe key keeps
    // it once a day even if the job ran twice; its emails go out with the next outbox sweep.
    name: "send-review-digests",
    cron: process.env.REVIEW_DIGEST_CRON || "0 7 * * *",
    timeoutSeconds: 600,
    run: () => sendReviewDigests(),
  },
  {
    // Verified practitioners' badges that ran out: their cached role pages and /people/<n> are
    // dropped on every instance (a data change), each grant once; and a notice to those whose
    // verification ends within VERIFICATION_EXPIRY_NOTICE_DAYS. Hourly, so a badge leaves the
    // cached pages within the hour of its end (a run with nothing to do costs one indexed query).
    name: "expire-verifications",
    cron: process.env.VERIFICATION_EXPIRY_CRON || "5 * * * *",
    timeoutSeconds: 600,
    run: () => applyVerificationExpiries(),
  },
];
