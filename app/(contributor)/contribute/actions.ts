"use server";
import { after } from "next/server";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { formatTime } from "@/lib/dates";
import { afterCommit } from "@/lib/actions/after-commit";
import { revalidateRole } from "@/lib/community/revalidate-role";
import { sendPendingEmails } from "@/lib/notifications/send-pending-emails";
import { reportCorrection } from "@/lib/submissions/report-correction";
import { reportNarrative } from "@/lib/submissions/report-narrative";
import { saveNarrativeDraft } from "@/lib/submissions/save-narrative-draft";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { ZCorrectionFormSchema } from "@/lib/submissions/submit-correction.types";
import { submitNarrative } from "@/lib/submissions/submit-narrative";
import { ZFormTextSchema } from "@/lib/validation/form-field";

// Thin entry points (defineAction finds the actor, parses the form, maps errors): call one
// use case, shape the reply. The narrative's editor sends its input whole; its use case parses it.

export const submitCorrectionAction = defineAction({
  ability: "submission:create",
  schema: ZCorrectionFormSchema,
  run: async ({ actor, input }) => {
    const submission = await submitCorrection({ actor, input });
    return { ok: true, message: "Thank you! Your correction is waiting for a moderator. You can follow it under “My contributions”.", storedNotices: submission.storedNotices };
  },
});

/** Autosave: returns the draft id to keep saving over. */
export const saveNarrativeDraftAction = defineAction({
  ability: "submission:create",
  schema: z.unknown(),
  run: async ({ actor, input }) => {
    const draft = await saveNarrativeDraft({ actor, input });
    return { ok: true, message: `Draft saved at ${formatTime(draft.savedAt)}.`, data: { draftId: draft.id } };
  },
});

export const submitNarrativeAction = defineAction({
  ability: "submission:create",
  schema: z.unknown(),
  run: async ({ actor, input }) => {
    const submission = await submitNarrative({ actor, input });
    return { ok: true, message: "Thank you! Your narrative is waiting for a moderator.", data: { submissionId: submission.id }, storedNotices: submission.storedNotices };
  },
});

export const reportNarrativeAction = defineAction({
  ability: "narrative:report",
  schema: z.object({ submissionId: ZFormTextSchema, reason: ZFormTextSchema.transform((reason) => reason ?? "") }),
  run: async ({ actor, input }) => {
    const result = await reportNarrative({ actor, input });
    if (result.outcome === "hidden") {
      await afterCommit("report", () => revalidateRole(result.occupationCode), () => after(() => sendPendingEmails()));
      return { ok: true, message: "Thank you. Several readers reported this narrative, so it is off the page until a moderator has looked at it again." };
    }
    if (result.outcome === "already-reported") return { ok: true, message: "You have reported this narrative already; the moderators have your report." };
    return { ok: true, message: "Thank you. Your report is in the moderators' queue; they will look at the narrative." };
  },
});

export const reportCorrectionAction = defineAction({
  ability: "correction:report",
  schema: z.object({ submissionId: ZFormTextSchema, reason: ZFormTextSchema.transform((reason) => reason ?? "") }),
  run: async ({ actor, input }) => {
    const result = await reportCorrection({ actor, input });
    if (result.outcome === "hidden") {
      await afterCommit("report", () => revalidateRole(result.occupationCode), () => after(() => sendPendingEmails()));
      return { ok: true, message: "Thank you. Several readers reported this correction, so the page shows the earlier value until a moderator has looked at it again." };
    }
    if (result.outcome === "already-reported") return { ok: true, message: "You have reported this correction already; the moderators have your report." };
    return { ok: true, message: "Thank you. Your report is in the moderators' queue; they will look at the correction." };
  },
});
