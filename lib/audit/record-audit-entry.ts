import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_ACTIONS = [
  "submission.submit",
  "submission.withdraw",
  "submission.resubmit",
  "submission.claim",
  "submission.release-claim",
  "submission.approve-first",
  "submission.approve",
  "submission.decline",
  "submission.request-changes",
  "narrative.report",
  "narrative.hide",
  "narrative.keep",
  "correction.report",
  "correction.hide",
  "correction.keep",
  "revision.rollback",
  "release-conflict.keep",
  "release-conflict.update",
  "release-conflict.retire",
  "user.role-change",
  "user.suspend",
  "user.lift-suspension",
  "user.change-email",
  "user.delete",
  "narrative.withdraw",
  "verification.confirm-email",
  "verification.grant",
  "verification.refuse",
  "verification.revoke",
  "submission.practitioner-review",
  "second-look.record",
] as const;

/** The actor id of changes an operator made from the command line (`npm run user:role`), not as a signed-in user. */
export const OPERATOR_ACTOR_ID = "operator";

export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

export interface RecordAuditEntryOptions {
  /** A signed-in user, or `{ userId: OPERATOR_ACTOR_ID }` for the command line. */
  actor: Pick<Actor, "userId">;
  action: TAuditAction;
  target: { type: "submission" | "revision" | "user" | "release-conflict" | "verification"; id: string };
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/**
 * Writes one audit entry inside the caller's transaction: the entry exists exactly when the
 * change it records was committed (never best-effort after the fact).
 */
export async function recordAuditEntry(tx: Tx, { actor, action, target, before, after }: RecordAuditEntryOptions) {
  return tx.auditEntry.create({
    data: { actorId: actor.userId, action, targetType: target.type, targetId: target.id, occupationCode: await occupationOf(tx, target), before: before ?? Prisma.DbNull, after: after ?? Prisma.DbNull },
    select: { id: true },
  });
}

/** The page a submission, revision or verification is about, so the log can be filtered by occupation (null for users). */
async function occupationOf(tx: Tx, target: RecordAuditEntryOptions["target"]): Promise<string | null> {
  if (target.type === "submission") return (await tx.submission.findUnique({ where: { id: target.id }, select: { occupationCode: true } }))?.occupationCode ?? null;
  if (target.type === "verification") return (await tx.practitionerVerification.findUnique({ where: { id: target.id }, select: { occupationCode: true } }))?.occupationCode ?? null;
  if (target.type === "revision") return (await tx.revision.findUnique({ where: { id: target.id }, select: { occupationCode: true } }))?.occupationCode ?? null;
  return null;
}
