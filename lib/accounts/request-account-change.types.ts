import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";

export const ZRequestAccountDeletionInputSchema = z.object({
  /** A checkbox: "on" when the person also takes their published narratives off the pages. */
  withdrawNarratives: z.boolean(),
});

export const ZRequestEmailChangeInputSchema = z.object({
  newEmail: singleLineText().pipe(z.string().toLowerCase().pipe(z.email("Enter a valid email address, like name@example.com.").max(254, "An email address has at most 254 characters."))),
});

/** The token of a confirmation link. */
export const ZAccountChangeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This confirmation link is not complete: open it from the email again.");
