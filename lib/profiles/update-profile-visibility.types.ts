import { z } from "zod";

/** A checkbox as FormData sends it: "on" when ticked, absent when not. Anything else is refused. */
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(true), z.literal(false), z.literal("")], "A switch is on or off.")
  .optional()
  .transform((value) => value === "on" || value === "true" || value === true);

/** Which parts of the public profile (/people/<number>) anyone may read. */
export const ZUpdateProfileVisibilityInputSchema = z.object({
  publicPage: checkbox,
  showJobTitle: checkbox,
  showYears: checkbox,
  showOccupations: checkbox,
  showApproved: checkbox,
});
export type TUpdateProfileVisibilityInput = z.output<typeof ZUpdateProfileVisibilityInputSchema>;
