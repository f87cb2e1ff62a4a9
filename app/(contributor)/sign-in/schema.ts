import { z } from "zod";
import { cleanText } from "@/lib/validation/text";

/** The sign-in form: where to send the link, and where to go afterwards. */
export const ZRequestSignInLinkInputSchema = z.object({
  /** Normalised as Auth.js does (trimmed, lower-case), so limits and accounts key on one form. */
  email: z
    .string({ error: "Enter your email address." })
    .transform((text) => cleanText(text, { multiline: false }).toLowerCase())
    .pipe(
      z
        .string()
        .min(1, "Enter your email address.")
        .max(254, "That email address is too long.")
        .pipe(z.email({ error: "Enter a valid email address, like name@example.com." })),
    ),
  /** Checked again (same-origin paths only) before use; anything else means "/". */
  callbackUrl: z.string().max(2048).optional().catch(undefined),
});

export interface TSignInFormState {
  status: "idle" | "error";
  message?: string;
  fieldErrors?: { email?: string[] };
  values: { email: string };
}

/** The OAuth button: which provider (only the ones switched on are accepted by the action). */
export const ZSignInWithProviderInputSchema = z.object({
  provider: z.enum(["github", "google"]),
  callbackUrl: z.string().max(2048).optional().catch(undefined),
});
