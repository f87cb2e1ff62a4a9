import { z } from "zod";
import { ZPayStateParamSchema } from "./find-state-pay.types";

export const MAX_COMPARED_ROLES = 3;

/**
 * `?roles=a,b[,c]`: two or three role slugs (one is shown alone with a hint); `&add=words`: a career to add, found by search;
 * `&state=CA`: that state's pay beside the national figures ("" from the form's "whole country" choice: none).
 */
export const ZCompareRolesInputSchema = z.object({
  state: z
    .union([z.literal(""), ZPayStateParamSchema])
    .optional()
    .transform((state) => state || undefined),
  add: z.string().trim().max(100, "Keep the career to add under 100 characters.").optional(),
  roles: z
    .string()
    .default("")
    .transform((value) => [...new Set(value.split(",").map((slug) => slug.trim().toLowerCase()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().regex(/^[a-z0-9-]{1,200}$/, "a role slug has only lowercase letters, digits and hyphens"))
        .max(MAX_COMPARED_ROLES, `compare at most ${MAX_COMPARED_ROLES} careers`),
    ),
});
