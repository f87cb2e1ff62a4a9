import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { suspendUser } from "./suspend-user";

export const SPAM_REASON = "Spam: this account posted advertising or junk.";

/**
 * A spammer in one step: suspended indefinitely and every undecided submission declined, in
 * one transaction (suspendUser), with one audit entry per declined item and one for the
 * suspension. Same rules as suspending: moderators clean up contributors only.
 */
export async function cleanUpSpam({ actor, userId, now }: { actor: Actor | null; userId: string; now?: Date }) {
  return suspendUser({ actor, input: { userId, reason: SPAM_REASON, pending: "decline" }, now });
}
