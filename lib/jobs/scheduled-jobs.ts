import "server-only";
import { sendPendingEmails } from "@/lib/notifications/send-pending-emails";

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
];
