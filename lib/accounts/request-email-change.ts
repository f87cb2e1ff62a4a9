import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { sendLinkEmail } from "@/lib/auth/send-sign-in-email";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { consumeAccountEmailAllowance } from "@/lib/people/people-rate-limit";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { ACCOUNT_LINK_MAX_AGE_MS, accountChangeUrl, newAccountChangeToken } from "./account-change-token";
import { ZRequestEmailChangeInputSchema } from "./request-account-change.types";

/**
 * The person asks to sign in with another address: a confirmation link goes to the new
 * address, so it changes only once the person shows they read mail there.
 */
export async function requestEmailChange({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }): Promise<{ sentTo: string }> {
  assertCan(actor, "account:manage-own");
  const { newEmail } = parseOrThrow(ZRequestEmailChangeInputSchema, input);
  const user = await prisma.user.findFirstOrThrow({ where: { id: actor.userId, deletedAt: null }, select: { email: true } });
  if (user.email === newEmail) throw new AppError("INVALID_INPUT", "That is already your sign-in address.", { newEmail: ["That is already your sign-in address."] });
  await consumeAccountEmailAllowance(actor.userId, now);
  const { token, tokenHash } = newAccountChangeToken();
  const expires = new Date(now.getTime() + ACCOUNT_LINK_MAX_AGE_MS);
  await prisma.accountChange.create({ data: { userId: actor.userId, kind: "CHANGE_EMAIL", tokenHash, newEmail, expires } });
  await sendLinkEmail({
    to: newEmail,
    url: accountChangeUrl(token),
    expires,
    subject: "Confirm your new Careerwiki sign-in address",
    intro: "You asked to sign in to Careerwiki with this address from now on. Open this link to confirm it:",
    button: "Confirm my new address",
    ifNotAsked: "If you did not ask for it, ignore this email: nothing changes without the link.",
  });
  return { sentTo: newEmail };
}
