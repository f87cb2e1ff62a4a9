"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { ZFormIdSchema } from "@/lib/validation/form-field";
import { confirmWorkEmail } from "@/lib/verifications/confirm-work-email";
import { requestVerification } from "@/lib/verifications/request-verification";
import { ZRequestVerificationFormSchema } from "@/lib/verifications/request-verification.types";

/** Ask to be verified (or renewed) as a practitioner of an occupation, with evidence only moderators see. */
export const requestVerificationAction = defineAction({
  ability: "verification:request",
  schema: ZRequestVerificationFormSchema,
  run: async ({ actor, input }) => {
    const result = await requestVerification({ actor, input });
    revalidatePath("/me/verifications");
    const link = result.confirmationSentTo ? ` We sent a link to ${result.confirmationSentTo}: open it within a day to confirm that address.` : "";
    return { ok: true, message: `Your request to be verified as a practitioner of ${result.occupationTitle} is waiting for a moderator.${link}` };
  },
});

/** The last click after a work-email confirmation link: the token from the email is the proof, so no session is needed. */
export const confirmWorkEmailAction = defineAction({
  ability: null,
  schema: z.object({ token: ZFormIdSchema }),
  run: async ({ input }) => {
    const { workEmail } = await confirmWorkEmail({ token: input.token, ip: clientIpFromHeaders(await headers()) });
    return { ok: true, message: `Confirmed: ${workEmail} is shown to the moderators as a confirmed work address.` };
  },
});
