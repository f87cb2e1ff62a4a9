"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { markNotificationsRead } from "@/lib/notifications/find-notifications";
import { resubmitSubmission } from "@/lib/submissions/resubmit-submission";
import { ZResubmitCorrectionFormSchema } from "@/lib/submissions/submit-correction.types";
import { withdrawSubmission } from "@/lib/submissions/withdraw-submission";
import { ZFormIdSchema } from "@/lib/validation/form-field";

const RESUBMITTED = "Sent back to the moderators. Thank you!";

export const withdrawSubmissionAction = defineAction({
  ability: "submission:withdraw-own",
  schema: z.object({ submissionId: ZFormIdSchema }),
  run: async ({ actor, input }) => {
    await withdrawSubmission({ actor, submissionId: input.submissionId });
    revalidatePath("/me/contributions");
    return { ok: true, message: "Withdrawn." };
  },
});

export const resubmitCorrectionAction = defineAction({
  ability: "submission:withdraw-own",
  schema: ZResubmitCorrectionFormSchema,
  run: async ({ actor, input }) => {
    const result = await resubmitSubmission({ actor, input });
    revalidatePath("/me/contributions");
    return { ok: true, message: RESUBMITTED, storedNotices: result.storedNotices };
  },
});

/** The narrative editor sends its input whole; resubmitSubmission parses it. */
export const resubmitNarrativeAction = defineAction({
  ability: "submission:withdraw-own",
  schema: z.unknown(),
  run: async ({ actor, input }) => {
    const result = await resubmitSubmission({ actor, input });
    revalidatePath("/me/contributions");
    return { ok: true, message: RESUBMITTED, data: { submissionId: result.submissionId }, storedNotices: result.storedNotices };
  },
});

export const markNotificationsReadAction = defineAction({
  ability: "submission:withdraw-own",
  schema: z.unknown(),
  run: async ({ actor }) => {
    const { marked } = await markNotificationsRead({ actor });
    revalidatePath("/me/notifications");
    return { ok: true, message: marked ? `Marked ${marked} as read.` : "Nothing unread." };
  },
});
