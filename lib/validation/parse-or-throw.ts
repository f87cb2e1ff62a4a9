import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readableIssue } from "./readable-issue";

/** Parses input or throws INVALID_INPUT with field messages (in words where the schema gave none: readableIssue). */
export function parseOrThrow<TSchema extends z.ZodType>(schema: TSchema, input: unknown): z.output<TSchema> {
  const parsed = schema.safeParse(input, { error: readableIssue });
  if (!parsed.success) throw invalidInputError(parsed.error);
  return parsed.data;
}

/** AppError INVALID_INPUT carrying a zod error's messages, by field (nested ones under their top-level field). */
function invalidInputError(error: z.ZodError): AppError {
  const flat = z.flattenError(error);
  const fieldErrors: Record<string, string[]> = { ...(flat.fieldErrors as Record<string, string[]>) };
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    if (issue.path.length > 1 && !fieldErrors[key]?.includes(issue.message)) fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  if (flat.formErrors.length) fieldErrors.form = flat.formErrors;
  return new AppError("INVALID_INPUT", error.issues[0]?.message ?? undefined, fieldErrors);
}
