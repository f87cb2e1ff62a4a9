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

/** A moderator refuses a pending request with a reason the requester reads; audited and notified in one transaction, race-free. */
export async function refuseVerification({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }): Promise<VerificationDecisionResult> {
  assertCan(actor, "verification:decide");
  const { verificationId, reason } = parseOrThrow(ZVerificationDecisionInputSchema, input);
  await consumePeopleActionAllowance(actor.userId, now);
  return prisma.$transaction(async (tx) => {
    const verification = await takeVerificationDecision(tx, {
      actor,
      verificationId,
      from: "PENDING",
      data: { status: "REFUSED", decidedById: actor.userId, decidedAt: now, decisionReason: reason, workEmailTokenHash: null },
    });
    await recordAuditEntry(tx, { actor, action: "verification.refuse", target: { type: "verification", id: verificationId }, before: { status: "PENDING" }, after: { status: "REFUSED", reason } });
    await queueNotification(tx, { userId: verification.userId, kind: "VERIFICATION_REFUSED", verificationId });
    return { verificationId, userId: verification.userId, occupationCode: verification.occupationCode, ...(await pagesShowingPerson(tx, verification.userId)) };
  });
}
