import { z } from "zod";

/** A form's text field: a blank one counts as absent, as the use cases' schemas expect. */
export const ZFormTextSchema = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value : undefined));

/** A form's submission id (or other required reference): absent is "", which the use case does not find. */
export const ZFormIdSchema = ZFormTextSchema.transform((value) => value ?? "");
