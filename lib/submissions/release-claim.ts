import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";
import { logger } from "@/lib/logging/logger.cjs";

/**
 * Runs a moderator's decision on a submission; when it fails (with any error) the
 * moderator's claim on it is released, so the item does not stay blocked for the rest of the
 * claim (30 minutes) for the others. The release is its own audited transaction (the
 * decision's was rolled back); if it cannot be written either (the database is away), the
 * decision's error is what the moderator sees.
 */
export async function releasingClaimOnFailure<T>(actor: Actor, submissionId: unknown, decide: () => Promise<T>): Promise<T> {
  try {
    return await decide();
  } catch (error) {
    if (typeof submissionId === "string" && submissionId !== "") {
      await prisma
        .$transaction((tx) => releaseClaims(tx, { actor, where: { id: submissionId }, reason: "decision-failed" }))
        .catch((releaseError: Error) => logger.error({ component: "moderation", submissionId }, `claim not released: ${releaseError.message.split("\n").at(-1)}`));
    }
    throw error;
  }
}

/**
 * Releases the pending submissions `actor`'s user holds a claim on (all of them, or those
 * matching `where`), one audit entry each, inside the caller's transaction. Returns their ids.
 */
export async function releaseClaims(tx: Tx, { actor, claimant = actor.userId, where = {}, reason }: { actor: Pick<Actor, "userId">; claimant?: string; where?: { id?: string }; reason: "decision-failed" | "role-removed" | "suspended" }) {
  const claimed = await tx.submission.findMany({ where: { ...where, claimedById: claimant, status: "PENDING" }, select: { id: true, claimExpiresAt: true } });
  if (claimed.length === 0) return [];
  await tx.submission.updateMany({ where: { id: { in: claimed.map((s) => s.id) }, claimedById: claimant }, data: { claimedById: null, claimExpiresAt: null } });
  for (const submission of claimed) {
    await recordAuditEntry(tx, {
      actor,
      action: "submission.release-claim",
      target: { type: "submission", id: submission.id },
      before: { claimedById: claimant, claimExpiresAt: submission.claimExpiresAt?.toISOString() ?? null },
      after: { claimedById: null, reason },
    });
  }
  return claimed.map((s) => s.id);
}
