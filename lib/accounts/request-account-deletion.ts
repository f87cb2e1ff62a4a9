import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { sendLinkEmail } from "@/lib/auth/send-sign-in-email";
import { prisma } from "@/lib/db/prisma";
import { consumeAccountEmailAllowance } from "@/lib/people/people-rate-limit";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { ACCOUNT_LINK_MAX_AGE_MS, accountChangeUrl, newAccountChangeToken } from "./account-change-token";
import { ZRequestAccountDeletionInputSchema } from "./request-account-change.types";

/**
 * The person asks to delete their account: a confirmation link goes to the account's own
 * address (whoever holds a session alone cannot delete it). Nothing changes until the link
 * is followed and confirmed (confirmAccountChange).
 */
export async function requestAccountDeletion({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }): Promise<{ sentTo: string }> {
  assertCan(actor, "account:manage-own");
  const data = parseOrThrow(ZRequestAccountDeletionInputSchema, input);
  await consumeAccountEmailAllowance(actor.userId, now);
  const user = await prisma.user.findFirstOrThrow({ where: { id: actor.userId, deletedAt: null }, select: { email: true } });
  const { token, tokenHash } = newAccountChangeToken();
  const expires = new Date(now.getTime() + ACCOUNT_LINK_MAX_AGE_MS);
  await prisma.accountChange.create({ data: { userId: actor.userId, kind: "DELETE_ACCOUNT", tokenHash, withdrawNarratives: data.withdrawNarratives, expires } });
  await sendLinkEmail({
    to: user.email,
    url: accountChangeUrl(token),
    expires,
    subject: "Confirm: delete your Careerwiki account",
    intro: "You asked to delete your Careerwiki account. Open this link to confirm it (one more click there deletes it):",
    button: "Delete my Careerwiki account",
    ifNotAsked: "If you did not ask for it, ignore this email and your account stays as it is.",
  });
  return { sentTo: user.email };
}
