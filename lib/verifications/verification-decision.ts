import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

/** What a decision returns so the action can revalidate what shows the person's badges. */
export interface VerificationDecisionResult {
  verificationId: string;
  userId: string;
  occupationCode: string;
  /** The person's stable number: their public profile is /people/<number>. */
  personNumber: number;
  /** Roles whose pages show the person over a published narrative. */
  rolesShowingPerson: string[];
}

/**
 * The rules grant, refuse and revoke share, inside the deciding transaction: the verification
 * exists, is not the moderator's own, and is still in the state the decision starts from.
 * The change is a conditional update (`WHERE id = ? AND status = ?`): of two moderators
 * deciding at once exactly one matches the row; the other gets ALREADY_DECIDED.
 */
export async function takeVerificationDecision(
  tx: Tx,
  { actor, verificationId, from, data }: { actor: Actor; verificationId: string; from: VerificationStatus; data: Prisma.PractitionerVerificationUpdateManyMutationInput },
) {
  const verification = await tx.practitionerVerification.findUnique({ where: { id: verificationId }, select: { id: true, userId: true, occupationCode: true, status: true, expiresAt: true } });
  if (!verification) throw new AppError("NOT_FOUND", "That verification request does not exist.");
  if (verification.userId === actor.userId) throw new AppError("FORBIDDEN", "Nobody decides on their own verification: another moderator will.");
  if (verification.status !== from) throw new AppError("ALREADY_DECIDED", from === "PENDING" ? "This request has already been decided." : "This verification is not granted any more.");
  const updated = await tx.practitionerVerification.updateMany({ where: { id: verificationId, status: from, userId: { not: actor.userId } }, data });
  if (updated.count === 0) throw new AppError("ALREADY_DECIDED", from === "PENDING" ? "This request has already been decided." : "This verification is not granted any more.");
  return verification;
}
