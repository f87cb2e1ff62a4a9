import { z } from "zod";
import { NARRATIVE_LIMITS, narrativeTextLength, ZNarrativeDocSchema, ZPromptAnswersSchema } from "@/lib/community/narrative-document";
import { ONET_SOC_CODE } from "@/lib/validation/onet-soc-code";

const ZYearsInRoleSchema = z
  .number()
  .int("Years in role must be a whole number.")
  .min(0, "Years in role cannot be negative.")
  .max(NARRATIVE_LIMITS.maxYearsInRole, `Years in role can be at most ${NARRATIVE_LIMITS.maxYearsInRole}.`);

/** A draft: anything the editor holds, checked for shape and size but not for completeness. */
export const ZSaveNarrativeDraftInputSchema = z.object({
  /** The draft to update; absent for the first save. */
  draftId: z.string().max(40).optional(),
  occupationCode: z.string().regex(ONET_SOC_CODE, "Unknown occupation."),
  doc: ZNarrativeDocSchema,
  yearsInRole: ZYearsInRoleSchema.nullable().optional(),
  promptAnswers: ZPromptAnswersSchema.optional(),
});

/** Sending a narrative to moderation: the draft plus the rules a published one must meet. */
export const ZSubmitNarrativeInputSchema = ZSaveNarrativeDraftInputSchema.extend({
  yearsInRole: ZYearsInRoleSchema,
}).superRefine((input, ctx) => {
  if (narrativeTextLength(input.doc) < NARRATIVE_LIMITS.minTextToSubmit) {
    ctx.addIssue({ code: "custom", path: ["doc"], message: `Please write at least ${NARRATIVE_LIMITS.minTextToSubmit} characters about the work.` });
  }
});
