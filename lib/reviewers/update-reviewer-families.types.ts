import { z } from "zod";

/** At most this many families chosen (beside the profile's). */
export const MAX_CHOSEN_FAMILIES = 20;

const FAMILY_OR_CODE = /^\d{2}-\d{4}(\.\d{2})?$/;

/**
 * The families a moderator chooses to review, as typed: SOC minor groups ("29-1100") or
 * occupation codes whose family is meant ("29-1141.00"), separated by commas, spaces or lines.
 * Empty: none chosen.
 */
export const ZUpdateReviewerFamiliesInputSchema = z.object({
  // Split once: parsing an already parsed input (the action's, then the use case's) gives the same list.
  families: z.preprocess(
    (value) => (typeof value === "string" ? [...new Set(value.split(/[\s,;]+/).filter(Boolean))] : value),
    z
      .array(z.string().regex(FAMILY_OR_CODE, "Write each family as a SOC minor group like 29-1100, or an occupation code like 29-1141.00."), "Write the families as text.")
      .max(MAX_CHOSEN_FAMILIES, `Choose at most ${MAX_CHOSEN_FAMILIES} families.`),
  ),
});
export type TUpdateReviewerFamiliesInput = z.infer<typeof ZUpdateReviewerFamiliesInputSchema>;
