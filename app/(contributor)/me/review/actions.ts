"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { ZFormIdSchema, ZFormTextSchema } from "@/lib/validation/form-field";
import { reviewSubmission } from "@/lib/verifications/review-submission";

/** A verified practitioner's agree / disagree, with a reason, on a pending item of their family (sent again to change it). */
export const reviewSubmissionAction = defineAction({
  ability: "submission:practitioner-review",
  schema: z.object({ submissionId: ZFormIdSchema, verdict: ZFormTextSchema, reason: ZFormTextSchema.transform((reason) => reason ?? "") }),
  run: async ({ actor, input }) => {
    const { updated } = await reviewSubmission({ actor, input });
    revalidatePath("/me/review");
    return { ok: true, message: updated ? "Your review is updated. The moderators see it beside the change." : "Thank you: the moderators see your review beside the change." };
  },
});
