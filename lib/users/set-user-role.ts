import "server-only";
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
 * operator's path (`npm run user:role`), run with database access: it takes no actor and
 * writes no audit entry yet (the AuditEntry model arrives with the moderation work; the
 * script prints the change instead).
 */
export async function setUserRole({ email, role }: SetUserRoleOptions): Promise<SetUserRoleResult> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, role: true } });
    if (!existing) {
      const user = await tx.user.create({ data: { email, role }, select: { id: true } });
      return { userId: user.id, email, created: true, previousRole: null, role, changed: true };
    }
    if (existing.role !== role) await tx.user.update({ where: { id: existing.id }, data: { role } });
    return { userId: existing.id, email, created: false, previousRole: existing.role, role, changed: existing.role !== role };
  });
}
