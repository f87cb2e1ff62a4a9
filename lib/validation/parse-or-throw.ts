import { z } from "zod";
import { AppError } from "@/lib/errors";

/** Parses input or throws INVALID_INPUT with field messages. */
export function parseOrThrow<TSchema extends z.ZodType>(schema: TSchema, input: unknown): z.output<TSchema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const fieldErrors: Record<string, string[]> = { ...(flat.fieldErrors as Record<string, string[]>) };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      if (issue.path.length > 1 && !fieldErrors[key]?.includes(issue.message)) fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    if (flat.formErrors.length) fieldErrors.form = flat.formErrors;
    throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? undefined, fieldErrors);
  }
  return parsed.data;
}
