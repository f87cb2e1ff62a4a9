import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";

export const BACKLOG_DAYS = 14;
const DECIDED_WINDOW_DAYS = 30;

export interface BacklogDay {
  /** The UTC day, 2026-12-04. */
  day: string;
  submitted: number;
  decided: number;
  /** Waiting at the end of the day (today: now), from the submissions' own times. */
  pending: number;
}

export interface BacklogMeter {
  pending: number;
  /** Median time pending items have waited so far (null: none pending). */
  medianAgeMs: number | null;
  /** Decisions per day over the last 30 days. */
  decidedPerDay: number;
  /** Sent, decided and still pending per UTC day, the last 14 days, oldest first. */
  days: BacklogDay[];
}

/**
 * The moderation backlog at a glance (moderators only): how many wait, for how long, how fast
 * they are decided, and sent against decided day by day. A decision is an approval, a decline
 * or a request for changes, counted when it is made (a resubmitted item counts again).
 * Pending at the end of a day is read from the submissions' times (sent before the day ended,
 * and pending still or decided, withdrawn, after it: `decidedAt`, else `updatedAt`), so it needs
 * no table of its own; a resubmitted item counts from its latest sending only.
 */
export async function getBacklogMeter({ actor, now = new Date() }: { actor: Actor | null; now?: Date }): Promise<BacklogMeter> {
  assertCan(actor, "moderation:view-queue");
  const windowStart = new Date(now.getTime() - DECIDED_WINDOW_DAYS * 86_400_000);
  const [[pending], [decided], days] = await Promise.all([
    prisma.$queryRaw<[{ pending: number; medianAgeSeconds: number | null }]>`
      SELECT count(*)::int AS pending,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${now}::timestamp - "submittedAt"))::float8 AS "medianAgeSeconds"
      FROM "Submission" WHERE status = 'PENDING'`,
    prisma.$queryRaw<[{ decided: number }]>`
      SELECT count(*)::int AS decided FROM "AuditEntry"
      WHERE action IN ('submission.approve', 'submission.decline', 'submission.request-changes') AND "createdAt" > ${windowStart} AND "createdAt" <= ${now}`,
    prisma.$queryRaw<BacklogDay[]>`
      WITH day AS (SELECT generate_series(date_trunc('day', ${now}::timestamp) - ${BACKLOG_DAYS - 1} * interval '1 day', date_trunc('day', ${now}::timestamp), interval '1 day') AS start)
      SELECT to_char(day.start, 'YYYY-MM-DD') AS day,
             (SELECT count(*)::int FROM "AuditEntry" a WHERE a.action IN ('submission.submit', 'submission.resubmit') AND a."createdAt" >= day.start AND a."createdAt" < day.start + interval '1 day') AS submitted,
             (SELECT count(*)::int FROM "AuditEntry" a WHERE a.action IN ('submission.approve', 'submission.decline', 'submission.request-changes') AND a."createdAt" >= day.start AND a."createdAt" < day.start + interval '1 day') AS decided,
             (SELECT count(*)::int FROM "Submission" s
              WHERE s."submittedAt" < LEAST(day.start + interval '1 day', ${now}::timestamp) AND s.status <> 'DRAFT'
                AND (s.status = 'PENDING' OR COALESCE(s."decidedAt", s."updatedAt") >= LEAST(day.start + interval '1 day', ${now}::timestamp))) AS pending
      FROM day ORDER BY day.start`,
  ]);
  return {
    pending: pending.pending,
    medianAgeMs: pending.medianAgeSeconds === null ? null : pending.medianAgeSeconds * 1000,
    decidedPerDay: decided.decided / DECIDED_WINDOW_DAYS,
    days,
  };
}
