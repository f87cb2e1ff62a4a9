import { z } from "zod";
import { multiLineText } from "@/lib/validation/text";

export const REVIEW_REASON_MAX = 1000;

/** A verified practitioner's review of a pending item: agree or disagree, and why. */
export const ZReviewSubmissionInputSchema = z.object({
  submissionId: z.string().min(1, "Choose an item to review.").max(40),
  verdict: z.enum(["AGREE", "DISAGREE"], "Choose whether you agree or disagree."),
  reason: multiLineText().pipe(
    z.string().min(10, "Say why, in at least 10 characters: the moderators read it beside the change.").max(REVIEW_REASON_MAX, `The reason can be at most ${REVIEW_REASON_MAX} characters.`),
  ),
});
export type TReviewSubmissionInput = z.output<typeof ZReviewSubmissionInputSchema>;
