import { z } from "zod";
import { ZJobZoneParamSchema, ZPageParamSchema } from "@/lib/roles/browse-roles.types";
import { ZMinPayParamSchema, ZPayStateParamSchema } from "@/lib/roles/find-state-pay.types";

export const INTEREST_ANSWERS = ["like", "unsure", "dislike"] as const;
export type TInterestAnswer = (typeof INTEREST_ANSWERS)[number];

/** One rated activity: ?R1=like. A repeated parameter is refused, not guessed. */
export const ZInterestAnswerSchema = z.enum(INTEREST_ANSWERS, { error: "Rate each activity like, unsure or dislike." });

/** /interests?…&zone=3&state=CA&minPay=60000&page=2: the preparation and pay filters and the results page, beside the answers. */
export const ZInterestOptionsSchema = z.object({
  zone: ZJobZoneParamSchema.optional(),
  /** Whose pay the minimum and the results table use: this state's, else the nation's. */
  state: ZPayStateParamSchema.optional(),
  minPay: ZMinPayParamSchema.optional(),
  page: ZPageParamSchema.default(1),
});
export type TInterestOptions = z.output<typeof ZInterestOptionsSchema>;
