import { z } from "zod";
import { ZMinPayParamSchema, ZPayStateParamSchema } from "./find-state-pay.types";
import { readableIssue } from "@/lib/validation/readable-issue";

const BROWSE_SORTS = ["title", "pay", "growth", "openings"] as const;
export const BROWSE_PAGE_SIZE = 50;

/** One search-parameter value: a repeated parameter (?zone=1&zone=2) is refused, not guessed. */
const single = (message: string) => z.string({ error: message }).trim();

/** O*NET job zone 1–5, as a query parameter. */
export const ZJobZoneParamSchema = single("Choose one job zone.").pipe(z.coerce.number<string>({ error: "The job zone is a number from 1 to 5." }).int("The job zone is a number from 1 to 5.").min(1, "The job zone is a number from 1 to 5.").max(5, "The job zone is a number from 1 to 5."));

/** A page number from 1, as a query parameter. */
export const ZPageParamSchema = single("Choose one page.").pipe(z.coerce.number<string>({ error: "The page is a whole number from 1." }).int("The page is a whole number from 1.").min(1, "The page is a whole number from 1."));

/** /roles?group=15&zone=4&bright=1&state=CA&minPay=60000&status=left&sort=pay&page=2, every field optional. */
const ZBrowseRolesParamsSchema = z.object({
  /** SOC major group, two digits. */
  group: single("Choose one occupation group.")
    .regex(/^\d{2}$/, "The occupation group is a two-digit SOC code such as 15.")
    .optional(),
  /** O*NET job zone 1–5. */
  zone: ZJobZoneParamSchema.optional(),
  /** "1": Bright Outlook roles only. */
  bright: z.enum(["1"], { error: "Bright Outlook is either on (1) or left out." }).optional(),
  /** First (and second) O*NET interest, RIASEC letters: "I" or "IR". */
  interest: single("Choose one interest code.")
    .toUpperCase()
    .regex(/^[RIASEC]{1,2}$/, "The interest code is one or two of the letters R, I, A, S, E, C, such as IR.")
    .refine((code) => code.length < 2 || code[0] !== code[1], "The first and second interest must differ, such as IR.")
    .optional(),
  /** Pay figures of this state (postal code) instead of the nation's: the pay sort, the minimum and the table. */
  state: ZPayStateParamSchema.optional(),
  /** Lowest annual median pay, in dollars (the state's when one is chosen). */
  minPay: ZMinPayParamSchema.optional(),
  /** "left": the occupations that left O*NET (their pages stay) instead of the current release's. */
  status: z.enum(["left"], { error: "The status is either left (occupations no longer in O*NET) or left out." }).optional(),
  sort: z.enum(BROWSE_SORTS, { error: `Sort by one of: ${BROWSE_SORTS.join(", ")}.` }).default("title"),
  page: ZPageParamSchema.default(1),
});

export type TBrowseRolesParams = z.output<typeof ZBrowseRolesParamsSchema>;

/** Empty values ("?zone=") count as absent, as an unsubmitted select would. */
function withoutEmptyValues<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (searchParams) => (searchParams && typeof searchParams === "object" ? Object.fromEntries(Object.entries(searchParams).filter(([, value]) => value !== undefined && value !== "")) : searchParams),
    schema,
  );
}

/** The browse page's query. */
export const ZBrowsePageParamsSchema = withoutEmptyValues(ZBrowseRolesParamsSchema);

/** A career path's query (/paths/<path>): browse's, but a path lists current careers only, so no status. */
export const ZPathPageParamsSchema = withoutEmptyValues(ZBrowseRolesParamsSchema.omit({ status: true }));

/** Parses Next's searchParams with ZBrowsePageParamsSchema. */
export function parseBrowseParams(searchParams: Record<string, string | string[] | undefined>) {
  return ZBrowsePageParamsSchema.safeParse(searchParams, { error: readableIssue });
}
