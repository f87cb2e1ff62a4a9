import { z } from "zod";
import { cleanText, mixesScriptsInAWord, multiLineText, singleLineText, type StoredFormNotice, storedFormNotice, typedText } from "@/lib/validation/text";
import { PROFILE_LIMITS, SECTOR_VALUES } from "@/lib/profiles/profile-fields";

const optionalText = (max: number, label: string, text: () => z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>) =>
  text()
    .pipe(z.string().max(max, `${label} can be at most ${max} characters.`))
    .transform((value) => value || null);

/** The profile form, as the server action receives it (every field a string from FormData). */
export const ZUpdateProfileInputSchema = z.object({
  /** Shown with every contribution; also the name in the header. */
  displayName: singleLineText().pipe(
    z
      .string()
      .min(1, "Enter the name to show with your contributions.")
      .max(PROFILE_LIMITS.displayName, `Your display name can be at most ${PROFILE_LIMITS.displayName} characters.`)
      .refine((name) => !mixesScriptsInAWord(name), "Your display name mixes alphabets within a word (such as a Cyrillic “о” among Latin letters). Write each word in one alphabet."),
  ),
  /** The job title the person holds now (free text: titles vary more than occupations). */
  jobTitle: singleLineText().pipe(
    z.string().min(1, "Enter your current job title.").max(PROFILE_LIMITS.jobTitle, `The job title can be at most ${PROFILE_LIMITS.jobTitle} characters.`),
  ),
  /** One occupation per line: an O*NET-SOC code (optionally followed by its title) or an exact title. */
  occupations: typedText()
    .transform((value) => [...new Set(value.split(/\r?\n/).map((line) => cleanText(line, { multiline: false })).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(200, "Each occupation line can be at most 200 characters."))
        .min(1, "Name at least one occupation you have worked in (its code, like 15-1252.00, or its title).")
        .max(PROFILE_LIMITS.occupations, `List at most ${PROFILE_LIMITS.occupations} occupations.`),
    ),
  /** Whole years in the occupations above. */
  yearsExperience: z
    .string()
    .trim()
    // Empty is not also "not a whole number": one message.
    .min(1, { error: "Enter your years of experience (0 if less than a year).", abort: true })
    .regex(/^\d+$/, "Enter your years of experience as a whole number, like 7.")
    .transform(Number)
    .pipe(z.number().max(PROFILE_LIMITS.yearsExperience, `Years of experience can be at most ${PROFILE_LIMITS.yearsExperience}.`)),
  sector: z.enum(SECTOR_VALUES, { error: "Choose the sector you work in." }),
  /** Optional: where the person works (a country, state or city). */
  region: optionalText(PROFILE_LIMITS.region, "The region", singleLineText),
  /** Optional, plain text. */
  bio: optionalText(PROFILE_LIMITS.bio, "Your bio", multiLineText),
});
export type TUpdateProfileInput = z.output<typeof ZUpdateProfileInputSchema>;

export const PROFILE_FORM_FIELDS = ["displayName", "jobTitle", "occupations", "yearsExperience", "sector", "region", "bio"] as const;
export type TProfileFormField = (typeof PROFILE_FORM_FIELDS)[number];
export type TProfileFormValues = Record<TProfileFormField, string>;

/** What the form shows after a submission: the values as sent (never lost) and any errors. */
export interface TProfileFormState {
  status: "idle" | "saved" | "error";
  /** Counts submissions (the sector select remounts with each answer, so it shows `values` too). */
  version: number;
  message?: string;
  fieldErrors?: Partial<Record<TProfileFormField, string[]>>;
  values: TProfileFormValues;
  /** Fields saved differently from how they were typed, with their stored form. */
  storedNotices?: StoredFormNotice[];
}

const STORED_LABELS = { displayName: "Display name", jobTitle: "Job title", region: "Region", bio: "Bio" } as const;

/** Which text fields of the profile were stored differently from how they were typed (the text rules' own report). */
export function profileStoredNotices(values: TProfileFormValues, saved: TUpdateProfileInput): StoredFormNotice[] {
  return (Object.keys(STORED_LABELS) as (keyof typeof STORED_LABELS)[])
    .map((field) => storedFormNotice(field, STORED_LABELS[field], [values[field] ?? ""], [saved[field] ?? ""], { multiline: field === "bio" }))
    .filter((notice): notice is StoredFormNotice => notice !== null);
}

/** The form's fields as sent (a missing one is empty): kept to show again beside any error. */
const sentText = z.string().catch("");
export const ZProfileFormValuesSchema = z
  .object({ displayName: sentText, jobTitle: sentText, occupations: sentText, yearsExperience: sentText, sector: sentText, region: sentText, bio: sentText })
  .catch({ displayName: "", jobTitle: "", occupations: "", yearsExperience: "", sector: "", region: "", bio: "" }) satisfies z.ZodType<TProfileFormValues>;
