import { z } from "zod";
import { ZPayStateParamSchema } from "@/lib/roles/find-state-pay.types";

export const EARNINGS_SECTORS = ["public", "private-nonprofit", "for-profit"] as const;
export const PAY_PATHS = ["median", "range"] as const;
export const MAX_EARNINGS_ROLES = 3;

/** One query value: a repeated parameter is refused, not guessed (roles may repeat, see below). */
const single = (message: string) => z.string({ error: message }).trim();

const percent = (name: string, min: number, max: number) =>
  single(`Give one ${name} rate.`).pipe(
    z.coerce.number<string>({ error: `The ${name} rate is a percentage from ${min} to ${max}.` }).min(min, `The ${name} rate is a percentage from ${min} to ${max}.`).max(max, `The ${name} rate is a percentage from ${min} to ${max}.`),
  );

/** `roles`: role slugs, comma-separated or the parameter repeated; at most three. */
const ZEarningsRolesSchema = z
  .union([z.string(), z.array(z.string()).transform((slugs) => slugs.join(","))], { error: "Choose one to three careers." })
  .transform((value) => [...new Set(value.split(",").map((slug) => slug.trim().toLowerCase()).filter(Boolean))])
  .pipe(
    z
      .array(z.string().regex(/^[a-z0-9-]{1,200}$/, "A career's address has only lowercase letters, digits and hyphens."))
      .max(MAX_EARNINGS_ROLES, `Choose at most ${MAX_EARNINGS_ROLES} careers.`),
  );

/**
 * /earnings?add=words: a career typed into the page's career box (the search combobox) without
 * JavaScript; the page adds the best match to `roles` and keeps the other choices.
 */
export const ZEarningsAddQuerySchema = z.looseObject({
  add: z.string().trim().min(1, "Type a career to add.").max(100, "Keep the career to add under 100 characters."),
  roles: ZEarningsRolesSchema.optional(),
});

/**
 * /earnings and /api/earnings: ?roles=a,b,c (or roles repeated) &sector=public &path=median|range
 * &years=10 &inflation=0 &discount=0 &state=CA (that state's OEWS pay instead of the nation's).
 * Empty values count as absent (an unsubmitted field).
 */
export const ZEarningsQuerySchema = z.preprocess(
  (query) => (query && typeof query === "object" ? Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== "")) : query),
  z.object({
    roles: ZEarningsRolesSchema.pipe(z.array(z.string()).min(1, "Choose one to three careers.")),
    state: ZPayStateParamSchema.optional(),
    sector: z.enum(EARNINGS_SECTORS, { error: `The college sector is one of: ${EARNINGS_SECTORS.join(", ")}.` }).default("public"),
    path: z.enum(PAY_PATHS, { error: "The pay path is median or range." }).default("median"),
    years: single("Give one number of years.")
      .pipe(z.coerce.number<string>({ error: "The years from the 25th to the 75th percentile are a whole number from 1 to 40." }).int("The years from the 25th to the 75th percentile are a whole number from 1 to 40.").min(1, "The years from the 25th to the 75th percentile are a whole number from 1 to 40.").max(40, "The years from the 25th to the 75th percentile are a whole number from 1 to 40."))
      .default(10),
    inflation: percent("inflation", 0, 15).default(0),
    discount: percent("discount", 0, 15).default(0),
  }),
);
export type TEarningsQuery = z.output<typeof ZEarningsQuerySchema>;
