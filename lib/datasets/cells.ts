import { z } from "zod";

/**
 * zod building blocks for cells of the published files. Each one says in its message
 * what it expected, because that message ends up in front of whoever must fix the file.
 */

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

/** PostgreSQL's `integer`: a larger whole number would fail in the database, not here. */
const MAX_INTEGER = 2_147_483_647;

/** A whole number written as text. */
export const ZIntegerText = z
  .string()
  .trim()
  .regex(/^-?\d+$/, "expected a whole number")
  .transform(Number)
  .refine((value) => Math.abs(value) <= MAX_INTEGER, `is too large (at most ${MAX_INTEGER.toLocaleString("en-US")})`);

/** A decimal number written as text (one that is Infinity as a double, e.g. 400 digits, is refused). */
export const ZNumberText = z
  .string()
  .trim()
  .regex(/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i, "expected a number")
  .transform(Number)
  .refine(Number.isFinite, "is too large a number");

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

// ---- Spreadsheet cells (read-workbook.ts gives number | string | null per cell) ----

/** Digits with optional thousands separators and decimals: 108970, 108,970, -0.9, .5 */
const NUMBER_WITH_SEPARATORS = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^-?\.\d+$/;

/** A numeric spreadsheet cell: a number, or a number stored as text (thousands commas allowed). */
export const ZCellNumber = z
  .union([z.number(), z.string().trim().regex(NUMBER_WITH_SEPARATORS)], "expected a number")
  .transform((value) => (typeof value === "number" ? value : Number(value.replace(/,/g, ""))))
  .refine(Number.isFinite, "is too large a number");

/**
 * A numeric cell that may instead hold one of the publisher's markers (`*`, `**`, `#`,
 * `—`, ...); an empty cell is null. The marker itself is returned so the caller decides
 * what it means: it is never turned into a number, never into zero.
 */
export function cellNumberOrMarker<const Marker extends string>(markers: readonly [Marker, ...Marker[]]) {
  return z.union([ZCellNumber, z.enum(markers), z.null()], `expected a number, ${markers.join(", ")} or an empty cell`);
}

/** A required text cell; a code a spreadsheet stored as a number (99) becomes its text. */
export const ZCellText = z
  .union([z.string(), z.number()], "expected text")
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, "must not be empty").max(10_000, "is longer than 10,000 characters"));

/** A flag column that is either `TRUE` or empty (BLS's ANNUAL / HOURLY). */
export const ZCellTrueOrEmpty = z
  .union([z.null(), z.string().trim().regex(/^(true)?$/i)], "expected TRUE or an empty cell")
  .transform((value) => value !== null && value.toLowerCase() === "true");
