import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { consumeAccountConfirmationAllowance } from "@/lib/people/people-rate-limit";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { hashAccountChangeToken } from "./account-change-token";
import { eraseAccount } from "./erase-account";
import { ZAccountChangeTokenSchema } from "./request-account-change.types";

const LINK_GONE = "This link has expired or was already used. Ask again from your account page.";

type ConfirmAccountChangeResult = { kind: "DELETE_ACCOUNT"; occupationCodes: string[] } | { kind: "CHANGE_EMAIL"; email: string };

/**
 * Carries out what a confirmation link was sent for, once: the token (from the email) is the
 * proof, so no session is needed (the person may open the mail on another device). Used,
 * expired or unknown tokens are refused alike; attempts are limited per client address. One transaction with its audit entries.
 */
export async function confirmAccountChange({ token, ip, now = new Date() }: { token: unknown; /** The client's address, for the limit. */ ip: string; now?: Date }): Promise<ConfirmAccountChangeResult> {
  const tokenHash = hashAccountChangeToken(parseOrThrow(ZAccountChangeTokenSchema, token));
  await consumeAccountConfirmationAllowance(ip, now);
  return prisma.$transaction(async (tx) => {
    const [change] = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "AccountChange" SET "usedAt" = ${now} WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expires" > ${now} RETURNING id`;
    if (!change) throw new AppError("NOT_FOUND", LINK_GONE);
    const { userId, kind, newEmail, withdrawNarratives } = await tx.accountChange.findUniqueOrThrow({ where: { id: change.id } });
    const [user] = await tx.$queryRaw<{ role: "CONTRIBUTOR" | "MODERATOR" | "ADMIN"; email: string }[]>`
      SELECT role::text AS role, email FROM "User" WHERE id = ${userId} AND "deletedAt" IS NULL FOR UPDATE`;
    if (!user) throw new AppError("NOT_FOUND", LINK_GONE);
    const actor = { userId, role: user.role };
    if (kind === "DELETE_ACCOUNT") return { kind, ...(await eraseAccount(tx, { actor, withdrawNarratives, now })) };
    return { kind, email: await changeEmail(tx, { userId, from: user.email, to: newEmail ?? "", now }) };
  });
}

async function changeEmail(tx: Tx, { userId, from, to, now }: { userId: string; from: string; to: string; now: Date }): Promise<string> {
  const taken = await tx.user.findUnique({ where: { email: to }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", "That address already belongs to another account.");
  await tx.user.update({ where: { id: userId }, data: { email: to, emailVerified: now } });
  // Sign-in links still on their way to the old address stop working.
  await tx.verificationToken.deleteMany({ where: { identifier: from } });
  await recordAuditEntry(tx, { actor: { userId }, action: "user.change-email", target: { type: "user", id: userId }, before: { email: from }, after: { email: to } });
  return to;
}
