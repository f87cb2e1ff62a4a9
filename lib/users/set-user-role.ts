import "server-only";
import { OPERATOR_ACTOR_ID, recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { releaseClaims } from "@/lib/submissions/release-claim";

export interface SetUserRoleOptions {
  /** Normalised (trimmed, lower-case), as Auth.js stores it. */
  email: string;
  role: UserRole;
}

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
 * Gives the account with this email address a role, creating the account when it does not
 * exist yet (the person signs in with a magic link to that address later). This is the
 * operator's path (`npm run user:role`), run with database access: it takes no signed-in
 * actor, and a change is audited as the operator's, in the same transaction. A role that
 * may not claim queue items releases the claims the user held, in that transaction too.
 */
export async function setUserRole({ email, role }: SetUserRoleOptions): Promise<SetUserRoleResult> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    const userId = existing ? existing.id : (await tx.user.create({ data: { email, role }, select: { id: true } })).id;
    if (existing && existing.role !== role) await tx.user.update({ where: { id: existing.id }, data: { role } });
    const changed = existing?.role !== role;
    const operator = { userId: OPERATOR_ACTOR_ID };
    const releasedClaims = can({ userId, role }, "moderation:claim") ? [] : await releaseClaims(tx, { actor: operator, claimant: userId, reason: "role-removed" });
    if (changed) {
      await recordAuditEntry(tx, {
        actor: operator,
        action: "user.role-change",
        target: { type: "user", id: userId },
        before: existing ? { role: existing.role } : undefined,
        after: releasedClaims.length > 0 ? { email, role, releasedClaims } : { email, role },
      });
    }
    return { userId, email, created: !existing, previousRole: existing?.role ?? null, role, changed, releasedClaims };
  });
}
