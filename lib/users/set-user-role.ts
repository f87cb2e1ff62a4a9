import "server-only";
import { OPERATOR_ACTOR_ID, recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { prisma } from "@/lib/db/prisma";
import type { UserRole } from "@/lib/generated/prisma/enums";

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
}

/**
 * Gives the account with this email address a role, creating the account when it does not
 * exist yet (the person signs in with a magic link to that address later). This is the
 * operator's path (`npm run user:role`), run with database access: it takes no signed-in
 * actor, and a change is audited as the operator's, in the same transaction.
 */
export async function setUserRole({ email, role }: SetUserRoleOptions): Promise<SetUserRoleResult> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    const userId = existing ? existing.id : (await tx.user.create({ data: { email, role }, select: { id: true } })).id;
    if (existing && existing.role !== role) await tx.user.update({ where: { id: existing.id }, data: { role } });
    const changed = existing?.role !== role;
    if (changed) {
      await recordAuditEntry(tx, {
        actor: { userId: OPERATOR_ACTOR_ID },
        action: "user.role-change",
        target: { type: "user", id: userId },
        before: existing ? { role: existing.role } : undefined,
        after: { email, role },
      });
    }
    return { userId, email, created: !existing, previousRole: existing?.role ?? null, role, changed };
  });
}
