import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { consumeRateLimit, limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";

/**
 * Submissions (corrections, narratives, resubmissions) per user per hour: SUBMISSIONS_PER_HOUR,
 * default 10. Counted inside the send's transaction, after its refusals (a repeated send, one
 * already pending), so only a send that stores something uses the allowance.
 */
export async function consumeSubmissionAllowance(tx: Tx, userId: string, now?: Date) {
  await consumeRateLimit(
    {
      key: `submission:user:${userId}`,
      limit: limitFromEnv("SUBMISSIONS_PER_HOUR", 10),
      windowSeconds: 3600,
      message: `You have sent the most submissions allowed in one hour (${limitFromEnv("SUBMISSIONS_PER_HOUR", 10)}).`,
    },
    now,
    tx,
  );
}

/** Autosaves of narrative drafts per user per hour: DRAFT_SAVES_PER_HOUR, default 600 (one every 6 s). */
export async function consumeDraftSaveAllowance(userId: string, now?: Date) {
  await consumeRateLimit(
    { key: `draft:user:${userId}`, limit: limitFromEnv("DRAFT_SAVES_PER_HOUR", 600), windowSeconds: 3600, message: "Your draft is being saved too often." },
    now,
  );
}

/** Reports of published narratives per user per hour: REPORTS_PER_HOUR, default 20. */
export async function consumeReportAllowance(userId: string, now?: Date) {
  await consumeRateLimit(
    { key: `report:user:${userId}`, limit: limitFromEnv("REPORTS_PER_HOUR", 20), windowSeconds: 3600, message: "You have sent many reports this hour." },
    now,
  );
}
