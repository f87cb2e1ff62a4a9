import "server-only";
import { OPERATOR_ACTOR_ID, recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { consumePeopleActionAllowance } from "@/lib/people/people-rate-limit";
import { releaseClaims } from "@/lib/submissions/release-claim";

/**
 * Who changes the role: the operator from the command line (`npm run user:role`), naming the
 * account by email (created when missing), or a signed-in admin from /moderation/people,
 * naming an existing account by id.
 */
export type SetUserRoleOptions =
  | { actor?: undefined; /** Normalised (trimmed, lower-case), as Auth.js stores it. */ email: string; role: UserRole }
  | { actor: Actor | null; userId: string; role: UserRole };

export interface SetUserRoleResult {
  userId: string;
  email: string;
  created: boolean;
  previousRole: UserRole | null;
  role: UserRole;
  changed: boolean;
  /** Submissions whose claim was released because the new role may not claim. */
  releasedClaims: string[];
}

/**
 * Gives an account a role. The operator's path (`npm run user:role`, run with database
 * access) takes no signed-in actor, creates the account when it does not exist yet (the person
 * signs in with a magic link to that address later), and is audited as the operator's. An
 * admin's path checks `user:set-role`, only changes an existing account other than their own,
 * and is audited as the admin's. Either way the change and its audit entry are one
 * transaction, and a role that may not claim queue items releases the claims the user held.
 */
export async function setUserRole(options: SetUserRoleOptions): Promise<SetUserRoleResult> {
  const { role } = options;
  let auditActor: Pick<Actor, "userId"> = { userId: OPERATOR_ACTOR_ID };
  if (options.actor !== undefined) {
    const actor = options.actor;
    assertCan(actor, "user:set-role");
    if (options.userId === actor.userId) throw new AppError("FORBIDDEN", "You cannot change your own role: ask another admin.");
    await consumePeopleActionAllowance(actor.userId);
    auditActor = actor;
  }
  return prisma.$transaction(async (tx) => {
    const where = options.actor === undefined ? { email: options.email } : { id: options.userId };
    const existing = await tx.user.findUnique({ where, select: { id: true, email: true, role: true, deletedAt: true } });
    if (options.actor !== undefined && (!existing || existing.deletedAt)) throw new AppError("NOT_FOUND", "That account does not exist.");
    const email = existing?.email ?? (options.actor === undefined ? options.email : "");
    const userId = existing ? existing.id : (await tx.user.create({ data: { email, role }, select: { id: true } })).id;
    if (existing && existing.role !== role) await tx.user.update({ where: { id: existing.id }, data: { role } });
    const changed = existing?.role !== role;
    const releasedClaims = can({ userId, role }, "moderation:claim") ? [] : await releaseClaims(tx, { actor: auditActor, claimant: userId, reason: "role-removed" });
    if (changed) {
      await recordAuditEntry(tx, {
        actor: auditActor,
        action: "user.role-change",
        target: { type: "user", id: userId },
        before: existing ? { role: existing.role } : undefined,
        after: releasedClaims.length > 0 ? { email, role, releasedClaims } : { email, role },
      });
    }
    return { userId, email, created: !existing, previousRole: existing?.role ?? null, role, changed, releasedClaims };
  });
}
