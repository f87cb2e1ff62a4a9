import "server-only";
import { toAppError, toUserMessage } from "@/lib/errors";
import type { StoredFormNotice } from "@/lib/validation/text";
import { logger } from "@/lib/logging/logger.cjs";

/** What a server action returns to its form (useActionState). */
export interface ActionState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** Anything small the form needs back, e.g. a draft id. */
  data?: Record<string, string>;
  /** Fields stored differently from how they were typed, with their stored form (the confirmation shows them). */
  storedNotices?: StoredFormNotice[];
}

/**
 * The form's view of a failure: AppErrors keep their message, a database that is away says
 * so ("try again in a moment"), anything else is logged and shown generically.
 */
export function toActionFailure(error: unknown): ActionState {
  const appError = toAppError(error);
  if (!appError) {
    logger.error({ component: "action", err: error }, "unexpected error");
    return { ok: false, message: toUserMessage(error) };
  }
  if (appError.code === "DATABASE_UNAVAILABLE") logger.error({ component: "action" }, `database unavailable: ${lastLine(error)}`);
  return { ok: false, message: appError.message, fieldErrors: appError.fieldErrors };
}

/** The last line of an error's message: Prisma's start with the source of the call. */
function lastLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split("\n").at(-1) ?? message;
}

