import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { consumePeopleActionAllowance } from "./people-rate-limit";
import { lockTargetAccount } from "./target-account";

/** Lifts an account's suspension (also one that already ended by itself, to close it), audited in the same transaction. */
export async function liftSuspension({ actor, userId, now = new Date() }: { actor: Actor | null; userId: string; now?: Date }) {
  assertCan(actor, "people:suspend");
  await consumePeopleActionAllowance(actor.userId, now);
  return prisma.$transaction(async (tx) => {
    const target = await lockTargetAccount(tx, { actor, userId, what: "lift the suspension of" });
    if (!target.bannedAt) throw new AppError("CONFLICT", "This account is not suspended.");
    await tx.user.update({ where: { id: target.id }, data: { bannedAt: null, bannedUntil: null, banReason: null, bannedById: null } });
    await recordAuditEntry(tx, {
      actor,
      action: "user.lift-suspension",
      target: { type: "user", id: target.id },
      before: { bannedAt: target.bannedAt.toISOString(), bannedUntil: target.bannedUntil?.toISOString() ?? null, reason: target.banReason },
      after: { ended: target.bannedUntil !== null && target.bannedUntil <= now ? "had ended by itself" : "lifted early" },
    });
    return { userId: target.id };
  });
}
