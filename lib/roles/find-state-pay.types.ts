import { z } from "zod";

/**
 * `?state=CA`: the state whose OEWS pay browse, compare, /interests and /earnings use instead
 * of the national figures. In the address, so each page stays one cacheable page per choice.
 */
export const ZPayStateParamSchema = z
  .string({ error: "Choose one state." })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "The state is a two-letter postal code, such as CA.");

/** `?minPay=60000`: the lowest annual median (national, or the chosen state's) a career may have. */
export const ZMinPayParamSchema = z
  .string({ error: "Give one minimum pay." })
  .trim()
  .pipe(
    z.coerce
      .number<string>({ error: "The minimum pay is a whole number of dollars a year, such as 60000." })
      .int("The minimum pay is a whole number of dollars a year, such as 60000.")
      .min(0, "The minimum pay is a whole number of dollars a year, such as 60000.")
      .max(1_000_000, "The minimum pay is at most $1,000,000 a year."),
  );
