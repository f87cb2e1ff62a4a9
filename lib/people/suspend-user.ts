import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";
import { formatDateTime } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { queueNotification } from "@/lib/notifications/queue-notification";
import { releaseClaims } from "@/lib/submissions/release-claim";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { consumePeopleActionAllowance } from "./people-rate-limit";
import { lockTargetAccount } from "./target-account";
import { ZSuspendUserInputSchema } from "./suspend-user.types";

interface SuspendUserResult {
  userId: string;
  until: Date | null;
  sessionsRevoked: number;
  declined: string[];
}

/** Statuses of a submission still waiting for a decision (with the moderators or back with the author). */
const UNDECIDED = ["PENDING", "CHANGES_REQUESTED"] as const;

/**
 * Suspends an account with a reason and an end date (or indefinitely), in one transaction:
 * its sessions are deleted (it is signed out everywhere at once), the queue items it had
 * claimed are released, its undecided submissions are kept in the queue or all declined (one
 * audit entry each), and the suspension is audited. Moderators suspend contributors; only
 * admins suspend moderators and admins; nobody suspends themselves.
 */
export async function suspendUser({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }): Promise<SuspendUserResult> {
  assertCan(actor, "people:suspend");
  const data = parseOrThrow(ZSuspendUserInputSchema, input);
  const until = data.until ?? null;
  if (until && until <= now) throw new AppError("INVALID_INPUT", "The end date must be in the future.", { until: ["The end date must be in the future."] });
  await consumePeopleActionAllowance(actor.userId, now);
  return prisma.$transaction(async (tx) => {
    const target = await lockTargetAccount(tx, { actor, userId: data.userId, what: "suspend" });
    await tx.user.update({ where: { id: target.id }, data: { bannedAt: now, bannedUntil: until, banReason: data.reason, bannedById: actor.userId } });
    const sessions = await tx.session.deleteMany({ where: { userId: target.id } });
    await releaseClaims(tx, { actor, claimant: target.id, reason: "suspended" });
    const declined = data.pending === "decline" ? await declineUndecided(tx, { actor, authorId: target.id, reason: data.reason, now }) : [];
    await recordAuditEntry(tx, {
      actor,
      action: "user.suspend",
      target: { type: "user", id: target.id },
      before: target.bannedAt ? { bannedAt: target.bannedAt.toISOString(), bannedUntil: target.bannedUntil?.toISOString() ?? null, reason: target.banReason } : undefined,
      after: { reason: data.reason, until: until?.toISOString() ?? null, pending: data.pending, sessionsRevoked: sessions.count, declined: declined.length },
    });
    return { userId: target.id, until, sessionsRevoked: sessions.count, declined };
  });
}

/**
 * Declines every undecided submission of the author inside the caller's transaction, with
 * their rows locked first, so a moderator deciding one of them at the same moment either
 * decides first (and it is no longer undecided here) or waits: all are declined, or none.
 */
async function declineUndecided(tx: Tx, { actor, authorId, reason, now }: { actor: Actor; authorId: string; reason: string; now: Date }): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, status::text AS status FROM "Submission"
    WHERE "authorId" = ${authorId} AND status::text = ANY(${[...UNDECIDED]}) ORDER BY "createdAt" FOR UPDATE`;
  if (rows.length === 0) return [];
  const message = `Declined when the account was suspended (${formatDateTime(now)}): ${reason}`;
  const updated = await tx.submission.updateMany({
    where: { id: { in: rows.map((row) => row.id) }, status: { in: [...UNDECIDED] } },
    data: { status: "DECLINED", decisionReason: "other", decisionMessage: message, decidedById: actor.userId, decidedAt: now, claimedById: null, claimExpiresAt: null },
  });
  if (updated.count !== rows.length) throw new AppError("CONFLICT", "A submission of this account was decided in the meantime. Try again.");
  for (const row of rows) {
    await recordAuditEntry(tx, { actor, action: "submission.decline", target: { type: "submission", id: row.id }, before: { status: row.status }, after: { status: "DECLINED", reason: "other", message } });
    await queueNotification(tx, { userId: authorId, kind: "SUBMISSION_DECLINED", submissionId: row.id });
  }
  return rows.map((row) => row.id);
}
