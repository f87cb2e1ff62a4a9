import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { queueNotification } from "@/lib/notifications/queue-notification";
import { consumePeopleActionAllowance } from "@/lib/people/people-rate-limit";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { ZVerificationDecisionInputSchema } from "./request-verification.types";
import { pagesShowingPerson } from "@/lib/profiles/pages-showing-person";
import { takeVerificationDecision, type VerificationDecisionResult } from "./verification-decision";

/**
 * A moderator withdraws a granted verification with a reason: the badge stops showing at once.
 * An earlier grant for the same occupation that is still running (the person renewed early) is
 * withdrawn with it, so no badge of that occupation is left. One transaction with the audit
 * entry and the notification; of two revocations at once one wins.
 */
export async function revokeVerification({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }): Promise<VerificationDecisionResult> {
  assertCan(actor, "verification:decide");
  const { verificationId, reason } = parseOrThrow(ZVerificationDecisionInputSchema, input);
  await consumePeopleActionAllowance(actor.userId, now);
  const revoked = { status: "REVOKED" as const, revokedById: actor.userId, revokedAt: now, revokeReason: reason };
  return prisma.$transaction(async (tx) => {
    const verification = await takeVerificationDecision(tx, { actor, verificationId, from: "GRANTED", data: revoked });
    const others = await tx.practitionerVerification.updateManyAndReturn({
      where: { userId: verification.userId, occupationCode: verification.occupationCode, status: "GRANTED", id: { not: verificationId } },
      data: revoked,
      select: { id: true },
    });
    await recordAuditEntry(tx, {
      actor,
      action: "verification.revoke",
      target: { type: "verification", id: verificationId },
      before: { status: "GRANTED", expiresAt: verification.expiresAt?.toISOString() ?? null },
      after: { status: "REVOKED", reason, alsoRevoked: others.map((o) => o.id) },
    });
    await queueNotification(tx, { userId: verification.userId, kind: "VERIFICATION_REVOKED", verificationId });
    return { verificationId, userId: verification.userId, occupationCode: verification.occupationCode, ...(await pagesShowingPerson(tx, verification.userId)) };
  });
}
