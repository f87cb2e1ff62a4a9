"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { updateReviewerFamilies } from "@/lib/reviewers/update-reviewer-families";
import { ZUpdateReviewerFamiliesInputSchema } from "@/lib/reviewers/update-reviewer-families.types";

export const updateReviewerFamiliesAction = defineAction({
  ability: "moderation:view-queue",
  schema: ZUpdateReviewerFamiliesInputSchema,
  run: async ({ actor, input }) => {
    const { families } = await updateReviewerFamilies({ actor, input });
    revalidatePath("/moderation/families");
    return { ok: true, message: families.length === 0 ? "Saved: you chose no families (your profile's still count)." : `Saved: you review ${families.join(", ")}.` };
  },
});
