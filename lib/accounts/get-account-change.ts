import "server-only";
import { prisma } from "@/lib/db/prisma";
import { hashAccountChangeToken } from "./account-change-token";
import { ZAccountChangeTokenSchema } from "./request-account-change.types";

type AccountChangePreview = { kind: "DELETE_ACCOUNT"; withdrawNarratives: boolean } | { kind: "CHANGE_EMAIL"; newEmail: string };

/** What a confirmation link would do, for the page that asks for the last click; null when it is unknown, used or expired. */
export async function getAccountChange({ token, now = new Date() }: { token: unknown; now?: Date }): Promise<AccountChangePreview | null> {
  const parsed = ZAccountChangeTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const change = await prisma.accountChange.findFirst({
    where: { tokenHash: hashAccountChangeToken(parsed.data), usedAt: null, expires: { gt: now }, user: { deletedAt: null } },
    select: { kind: true, newEmail: true, withdrawNarratives: true },
  });
  if (!change) return null;
  return change.kind === "DELETE_ACCOUNT" ? { kind: "DELETE_ACCOUNT", withdrawNarratives: change.withdrawNarratives } : { kind: "CHANGE_EMAIL", newEmail: change.newEmail ?? "" };
}
