import "server-only";
import { AppError, toUserMessage } from "@/lib/errors";

/** What a server action returns to its form (useActionState). */
export interface ActionState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** Anything small the form needs back, e.g. a draft id. */
  data?: Record<string, string>;
}

/** The form's view of a failure: AppErrors keep their message; anything else is logged and shown generically. */
export function toActionFailure(error: unknown): ActionState {
  if (!(error instanceof AppError)) console.error("[action] unexpected error", error);
  return { ok: false, message: toUserMessage(error), fieldErrors: error instanceof AppError ? error.fieldErrors : undefined };
}

export function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
