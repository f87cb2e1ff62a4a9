import { z } from "zod";
import { ZFormTextSchema } from "@/lib/validation/form-field";
import { ONET_SOC_CODE } from "@/lib/validation/onet-soc-code";
import { multiLineText, singleLineText } from "@/lib/validation/text";
import { webLinkText } from "@/lib/validation/web-link";

export const VERIFICATION_LIMITS = { issuer: 120, number: 80, url: 500, email: 254, note: 1000, reason: 1000 } as const;

const optionalLine = (max: number, label: string) =>
  singleLineText()
    .pipe(z.string().max(max, `${label} can be at most ${max} characters.`))
    .transform((value) => value || null);

/** What a contributor sends to be verified as a practitioner of one occupation: at least one piece of evidence. */
export const ZRequestVerificationInputSchema = z
  .object({
    occupationCode: z.string().regex(ONET_SOC_CODE, "Choose the occupation, by its O*NET-SOC code like 29-1141.00."),
    credentialIssuer: optionalLine(VERIFICATION_LIMITS.issuer, "The issuer"),
    credentialNumber: optionalLine(VERIFICATION_LIMITS.number, "The licence or credential number"),
    /** Optional: absent or blank is null. */
    referenceUrl: z
      .preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), webLinkText({ max: VERIFICATION_LIMITS.url, link: "The reference link", address: "The reference link" }).optional())
      .transform((value) => value ?? null),
    workEmail: singleLineText()
      .pipe(z.string().toLowerCase())
      .refine((email) => email === "" || z.email().max(VERIFICATION_LIMITS.email).safeParse(email).success, "Enter a valid work email address, like name@hospital.org.")
      .transform((value) => value || null),
    note: multiLineText()
      .pipe(z.string().max(VERIFICATION_LIMITS.note, `The note can be at most ${VERIFICATION_LIMITS.note} characters.`))
      .transform((value) => value || null),
  })
  .superRefine((input, ctx) => {
    if (Boolean(input.credentialIssuer) !== Boolean(input.credentialNumber)) {
      const path = input.credentialIssuer ? "credentialNumber" : "credentialIssuer";
      ctx.addIssue({ code: "custom", path: [path], message: "A licence or credential needs both its issuer and its number." });
    }
    if (!input.credentialIssuer && !input.referenceUrl && !input.workEmail) {
      ctx.addIssue({ code: "custom", path: ["form"], message: "Give at least one piece of evidence: a licence or credential (issuer and number), a reference link, or a work email address." });
    }
  });
export type TRequestVerificationInput = z.output<typeof ZRequestVerificationInputSchema>;

/** The form as FormData arrives (every field a string; blank ones absent). */
export const ZRequestVerificationFormSchema = z.object({
  occupationCode: z.string().trim(),
  credentialIssuer: ZFormTextSchema.transform((v) => v ?? ""),
  credentialNumber: ZFormTextSchema.transform((v) => v ?? ""),
  referenceUrl: ZFormTextSchema,
  workEmail: ZFormTextSchema.transform((v) => v ?? ""),
  note: ZFormTextSchema.transform((v) => v ?? ""),
});

/** The token of a work-email confirmation link. */
export const ZWorkEmailTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This confirmation link is not complete: open it from the email again.");

/** A moderator's decision (grant or refuse) or a revocation: the verification and the reason the requester is told. */
export const ZVerificationDecisionInputSchema = z.object({
  verificationId: z.string().min(1, "Choose a verification request.").max(40),
  reason: multiLineText().pipe(
    z.string().min(3, "Give the reason the requester will read (at least 3 characters).").max(VERIFICATION_LIMITS.reason, `The reason can be at most ${VERIFICATION_LIMITS.reason} characters.`),
  ),
});
export type TVerificationDecisionInput = z.output<typeof ZVerificationDecisionInputSchema>;
