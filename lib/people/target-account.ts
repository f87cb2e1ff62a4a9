import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

/**
 * The account a moderator suspends or lifts the suspension of, its row locked for the
 * transaction (two moderators acting at once take turns). Moderators act on contributors;
 * only admins on moderators and admins; nobody on themselves.
 */
export async function lockTargetAccount(tx: Tx, { actor, userId, what }: { actor: Actor; userId: string; what: "suspend" | "lift the suspension of" }) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} AND "deletedAt" IS NULL FOR UPDATE`;
  if (!locked) throw new AppError("NOT_FOUND", "That account does not exist.");
  const target = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, role: true, bannedAt: true, bannedUntil: true, banReason: true } });
  if (target.id === actor.userId) throw new AppError("FORBIDDEN", `You cannot ${what} yourself.`);
  if (target.role !== "CONTRIBUTOR" && actor.role !== "ADMIN") throw new AppError("FORBIDDEN", `Only an admin may ${what} a moderator or an admin.`);
  return target;
}
