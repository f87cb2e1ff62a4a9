import { z } from "zod";

/**
 * zod building blocks for cells of the published files. Each one says in its message
 * what it expected, because that message ends up in front of whoever must fix the file.
 */

/** O*NET-SOC code, e.g. 15-1299.05. */
export const ZOnetCode = z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, "expected an O*NET-SOC code like 15-1299.05");

/** SOC code (2010 or 2018), e.g. 15-1299 or 15-0000. */
export const ZSocCode = z.string().regex(/^\d{2}-\d{4}$/, "expected a SOC code like 15-1299");

/** A required, non-empty text cell (trimmed). */
export const ZText = z.string().trim().min(1, "must not be empty").max(10_000, "is longer than 10,000 characters");

/** O*NET's `n/a` (or an empty cell) as null, any other text kept. */
export const ZOptionalText = z
  .string()
  .trim()
  .max(10_000, "is longer than 10,000 characters")
  .transform((value) => (value === "" || value === "n/a" ? null : value));

/** A whole number written as text. */
export const ZIntegerText = z
  .string()
  .trim()
  .regex(/^-?\d+$/, "expected a whole number")
  .transform(Number);

/** A decimal number written as text. */
export const ZNumberText = z
  .string()
  .trim()
  .regex(/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i, "expected a number")
  .transform(Number);

/** A decimal number, or null for O*NET's `n/a`. */
export const ZOptionalNumberText = z.union([z.literal("n/a").transform(() => null), ZNumberText]);

/** O*NET's Y/N flags. */
export const ZYesNo = z.enum(["Y", "N"], "expected Y or N").transform((value) => value === "Y");

/** O*NET's Y/N flags that may also be `n/a` (null). */
export const ZOptionalYesNo = z.enum(["Y", "N", "n/a"], "expected Y, N or n/a").transform((value) =>
  value === "n/a" ? null : value === "Y",
);

/** A whole number, or null for O*NET's `n/a`. */
export const ZOptionalIntegerText = z.union([z.literal("n/a").transform(() => null), ZIntegerText], "expected a whole number or n/a");
