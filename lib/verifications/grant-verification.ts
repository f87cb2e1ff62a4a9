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
import { verificationValidDays } from "./verification-period";

/**
 * A moderator grants a pending request: the badge shows until now + VERIFICATION_VALID_DAYS.
 * One transaction with the audit entry and the requester's notification; race-free (see
 * takeVerificationDecision). Counted in PEOPLE_ACTIONS_PER_HOUR.
 */
export async function grantVerification({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }): Promise<VerificationDecisionResult & { expiresAt: Date }> {
  assertCan(actor, "verification:decide");
  const { verificationId, reason } = parseOrThrow(ZVerificationDecisionInputSchema, input);
  await consumePeopleActionAllowance(actor.userId, now);
  const expiresAt = new Date(now.getTime() + verificationValidDays() * 86_400_000);
  return prisma.$transaction(async (tx) => {
    const verification = await takeVerificationDecision(tx, {
      actor,
      verificationId,
      from: "PENDING",
      data: { status: "GRANTED", decidedById: actor.userId, decidedAt: now, decisionReason: reason, expiresAt },
    });
    await recordAuditEntry(tx, { actor, action: "verification.grant", target: { type: "verification", id: verificationId }, before: { status: "PENDING" }, after: { status: "GRANTED", reason, expiresAt: expiresAt.toISOString() } });
    await queueNotification(tx, { userId: verification.userId, kind: "VERIFICATION_GRANTED", verificationId });
    return { verificationId, userId: verification.userId, occupationCode: verification.occupationCode, expiresAt, ...(await pagesShowingPerson(tx, verification.userId)) };
  });
}
