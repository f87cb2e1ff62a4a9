import { z } from "zod";
import { typedText } from "@/lib/validation/text";

/**
 * A moderator's answer to a release conflict: keep the correction as it is, update it (with a
 * new value, one item per line for list fields), or retire it (the official value shows again).
 */
export const ZResolveReleaseConflictInputSchema = z
  .object({
    conflictId: z.string().min(1, "Which conflict? Reload the queue and try again.").max(40),
    decision: z.enum(["keep", "update", "retire"], { error: "Choose whether to keep, update or retire the correction." }),
    /** The updated value, for "update". */
    value: typedText().max(8000, "The updated value can be at most 8000 characters.").optional(),
  })
  .refine((input) => input.decision !== "update" || (input.value ?? "").trim() !== "", {
    message: "Write the updated value to update the correction (or keep or retire it).",
    path: ["value"],
  });

export type TResolveReleaseConflictInput = z.infer<typeof ZResolveReleaseConflictInputSchema>;
