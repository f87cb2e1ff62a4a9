"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { afterCommit } from "@/lib/actions/after-commit";
import { defineAction } from "@/lib/actions/define-action";
import { confirmAccountChange } from "@/lib/accounts/confirm-account-change";
import { requestAccountDeletion } from "@/lib/accounts/request-account-deletion";
import { requestEmailChange } from "@/lib/accounts/request-email-change";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { revalidateRole } from "@/lib/community/revalidate-role";
import { ZFormIdSchema, ZFormTextSchema } from "@/lib/validation/form-field";

export const requestAccountDeletionAction = defineAction({
  ability: "account:manage-own",
  schema: z.object({ withdrawNarratives: z.string().optional().transform((box) => box === "on") }),
  run: async ({ actor, input }) => {
    const { sentTo } = await requestAccountDeletion({ actor, input });
    return { ok: true, message: `We sent a link to ${sentTo}. Open it within an hour to delete your account; until then nothing changes.` };
  },
});

export const requestEmailChangeAction = defineAction({
  ability: "account:manage-own",
  schema: z.object({ newEmail: ZFormTextSchema.transform((email) => email ?? "") }),
  run: async ({ actor, input }) => {
    const { sentTo } = await requestEmailChange({ actor, input });
    return { ok: true, message: `We sent a link to ${sentTo}. Open it within an hour to sign in with that address from then on.` };
  },
});

/** The last click after a confirmation link: the token from the email is the proof, so no session is needed. */
export const confirmAccountChangeAction = defineAction({
  ability: null,
  schema: z.object({ token: ZFormIdSchema }),
  run: async ({ input }) => {
    const result = await confirmAccountChange({ token: input.token, ip: clientIpFromHeaders(await headers()) });
    if (result.kind === "CHANGE_EMAIL") return { ok: true, message: `Done: you now sign in with ${result.email}.` };
    await afterCommit("account deletion", ...result.occupationCodes.map((code) => () => revalidateRole(code)));
    return { ok: true, message: "Your account is deleted. What you published stays on the pages as written by a former contributor, unless you withdrew it. Thank you for contributing." };
  },
});
