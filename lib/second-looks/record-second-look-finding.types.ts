import { z } from "zod";
import { multiLineText } from "@/lib/validation/text";

export const SECOND_LOOK_FINDINGS = ["fine", "problem"] as const;

export const ZRecordSecondLookFindingInputSchema = z
  .object({
    secondLookId: z.string().min(1, "Choose a second look.").max(40),
    finding: z.enum(SECOND_LOOK_FINDINGS, "Say whether the approval was fine or had a problem."),
    /** What was wrong (required for a problem), or a remark. */
    note: multiLineText().pipe(z.string().max(2000, "The note can be at most 2000 characters.")).optional(),
  })
  .refine((input) => input.finding !== "problem" || (input.note?.length ?? 0) >= 10, { path: ["note"], message: "Say what the problem is in a few words (at least 10 characters)." });

export type TRecordSecondLookFindingInput = z.infer<typeof ZRecordSecondLookFindingInputSchema>;
