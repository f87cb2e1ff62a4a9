import { z } from "zod";

export const MAX_COMPARED_ROLES = 3;

/** `?roles=a,b[,c]`: two or three role slugs (one is shown alone with a hint); `&add=words`: a career to add, found by search. */
export const ZCompareRolesInputSchema = z.object({
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
