"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { afterCommit } from "@/lib/actions/after-commit";
import { defineAction } from "@/lib/actions/define-action";
import { formatDate } from "@/lib/dates";
import { revalidateRole } from "@/lib/community/revalidate-role";
import { publicProfilePath } from "@/lib/community/find-display-names";
import { sendPendingEmails } from "@/lib/notifications/send-pending-emails";
import { ZFormIdSchema, ZFormTextSchema } from "@/lib/validation/form-field";
import { grantVerification } from "@/lib/verifications/grant-verification";
import { refuseVerification } from "@/lib/verifications/refuse-verification";
import { revokeVerification } from "@/lib/verifications/revoke-verification";
import type { VerificationDecisionResult } from "@/lib/verifications/verification-decision";

const ZDecisionFormSchema = z.object({ verificationId: ZFormIdSchema, reason: ZFormTextSchema.transform((reason) => reason ?? "") });

/** After a decision committed: the moderators' list, and everything that shows the person's badges. */
async function refreshAfter(what: string, result: VerificationDecisionResult) {
  await afterCommit(
    what,
    () => revalidatePath("/moderation/verifications"),
    () => revalidatePath(publicProfilePath(result.personNumber)),
    () => after(() => sendPendingEmails()),
    ...result.rolesShowingPerson.map((code) => () => revalidateRole(code)),
  );
}

export const grantVerificationAction = defineAction({
  ability: "verification:decide",
  schema: ZDecisionFormSchema,
  run: async ({ actor, input }) => {
    const result = await grantVerification({ actor, input });
    await refreshAfter("verification grant", result);
    return { ok: true, message: `Granted until ${formatDate(result.expiresAt)}. The requester is notified.` };
  },
});

export const refuseVerificationAction = defineAction({
  ability: "verification:decide",
  schema: ZDecisionFormSchema,
  run: async ({ actor, input }) => {
    const result = await refuseVerification({ actor, input });
    await refreshAfter("verification refusal", result);
    return { ok: true, message: "Refused. The requester is notified with your reason." };
  },
});

export const revokeVerificationAction = defineAction({
  ability: "verification:decide",
  schema: ZDecisionFormSchema,
  run: async ({ actor, input }) => {
    const result = await revokeVerification({ actor, input });
    await refreshAfter("verification revocation", result);
    return { ok: true, message: "Revoked: the badge no longer shows. The person is notified with your reason." };
  },
});
