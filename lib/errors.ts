/**
 * One error type for everything a use case refuses, with a code the edges map to an HTTP
 * status or a form message in one place (`toHttpStatus`, `toUserMessage`). Unexpected
 * errors never reach the user with their own message.
 */
export const AppErrorCode = {
  INVALID_INPUT: "INVALID_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  ALREADY_DECIDED: "ALREADY_DECIDED",
  RATE_LIMITED: "RATE_LIMITED",
  UNAVAILABLE: "UNAVAILABLE",
} as const;

export type TAppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

const HTTP_STATUS: Record<TAppErrorCode, number> = {
  INVALID_INPUT: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_DECIDED: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

const DEFAULT_MESSAGE: Record<TAppErrorCode, string> = {
  INVALID_INPUT: "Some of what you entered needs fixing.",
  UNAUTHENTICATED: "Please sign in first.",
  FORBIDDEN: "You do not have permission to do that.",
  NOT_FOUND: "That could not be found.",
  CONFLICT: "Someone changed this in the meantime. Reload and try again.",
  ALREADY_DECIDED: "This submission has already been decided.",
  RATE_LIMITED: "Too many attempts. Please wait a little and try again.",
  UNAVAILABLE: "The service is briefly unavailable. Please try again in a moment.",
};

export class AppError extends Error {
  constructor(
    readonly code: TAppErrorCode,
    /** A message a person can act on; defaults to the code's generic one. */
    message?: string,
    /** Field-level messages for forms (field name → messages). */
    readonly fieldErrors?: Record<string, string[]>,
    /** Seconds to wait, for RATE_LIMITED. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message ?? DEFAULT_MESSAGE[code]);
    this.name = "AppError";
  }
}

export function toHttpStatus(error: unknown): number {
  return error instanceof AppError ? HTTP_STATUS[error.code] : 500;
}

/** What the user sees: the AppError's own message, or a generic one for anything unexpected. */
export function toUserMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return "Something went wrong on our side. Your input was not lost; please try again.";
}
