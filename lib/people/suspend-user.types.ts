import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";

/** What becomes of the account's submissions that wait for a decision. */
export const PENDING_CHOICES = {
  keep: "Keep them in the queue for a moderator to decide",
  decline: "Decline them all now",
} as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ZSuspendUserInputSchema = z.object({
  userId: z.string().min(1, "Choose an account.").max(40),
  reason: singleLineText().pipe(
    z.string().min(5, "Say why in a few words (at least 5 characters): the person sees it when they try to sign in.").max(500, "The reason can be at most 500 characters."),
  ),
  /** The day the suspension ends (at 00:00 UTC), as a date field sends it; absent: indefinitely. */
  until: z
    .string()
    .regex(DATE, "Enter the end date as a date, like 2027-01-31, or leave it empty to suspend indefinitely.")
    .transform((day) => new Date(`${day}T00:00:00.000Z`))
    .refine((date) => !Number.isNaN(date.getTime()), "That end date does not exist.")
    .optional(),
  pending: z.enum(Object.keys(PENDING_CHOICES) as [keyof typeof PENDING_CHOICES, ...(keyof typeof PENDING_CHOICES)[]], {
    message: "Choose what becomes of their pending submissions.",
  }),
});
