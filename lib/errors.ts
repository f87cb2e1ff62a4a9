/**
 * One error type for everything a use case refuses, with a code the edges map to an HTTP
 * status or a form message in one place (`toHttpStatus`, `toUserMessage`). Unexpected
 * errors never reach the user with their own message.
 */
export const AppErrorCode = {
  /** The request itself is malformed (not text, an unparseable body): a client's mistake, answered 400. */
  BAD_REQUEST: "BAD_REQUEST",
  INVALID_INPUT: "INVALID_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  /** The address exists but does not take this method (the public API takes GET and HEAD). */
  METHOD_NOT_ALLOWED: "METHOD_NOT_ALLOWED",
  CONFLICT: "CONFLICT",
  ALREADY_DECIDED: "ALREADY_DECIDED",
  RATE_LIMITED: "RATE_LIMITED",
  UNAVAILABLE: "UNAVAILABLE",
  /** PostgreSQL is away (restarting, down, unreachable) or too busy to answer in time: retrying later works. */
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
} as const;

export type TAppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

const HTTP_STATUS: Record<TAppErrorCode, number> = {
  BAD_REQUEST: 400,
  INVALID_INPUT: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  ALREADY_DECIDED: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
};

const DEFAULT_MESSAGE: Record<TAppErrorCode, string> = {
  BAD_REQUEST: "This request could not be understood.",
  INVALID_INPUT: "Some of what you entered needs fixing.",
  UNAUTHENTICATED: "Please sign in first.",
  FORBIDDEN: "You do not have permission to do that.",
  NOT_FOUND: "That could not be found.",
  METHOD_NOT_ALLOWED: "This address answers GET and HEAD only.",
  CONFLICT: "Someone changed this in the meantime. Reload and try again.",
  ALREADY_DECIDED: "This submission has already been decided.",
  RATE_LIMITED: "Too many attempts. Please wait a little and try again.",
  UNAVAILABLE: "The service is briefly unavailable. Please try again in a moment.",
  DATABASE_UNAVAILABLE: "The database is not answering; please try again in a moment.",
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

/**
 * The AppError an error stands for: itself, DATABASE_UNAVAILABLE for a database that is
 * away or timed out, BAD_REQUEST for text PostgreSQL refuses (a NUL that got past the
 * boundary: the client's mistake, never a 500), or undefined for anything unexpected (a bug: log it).
 */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError("DATABASE_UNAVAILABLE");
  if (isMalformedTextError(error)) return new AppError("BAD_REQUEST");
  return undefined;
}

export function toHttpStatus(error: unknown): number {
  const appError = toAppError(error);
  return appError ? HTTP_STATUS[appError.code] : 500;
}

/** What the user sees: the AppError's own message, or a generic one for anything unexpected. */
export function toUserMessage(error: unknown): string {
  const appError = toAppError(error);
  if (appError) return appError.message;
  return "Something went wrong on our side. Your input was not lost; please try again.";
}

/** Prisma's codes for "cannot reach / lost the server" and "no connection or transaction in time". */
const PRISMA_UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** What the pg driver adapter reports when the server went away. */
const ADAPTER_UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** SQLSTATE: connection exceptions (08…), shutdown and start-up (57P01–57P03), too many connections. */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]|53300)/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);
/** pg's own errors for a connection that died, which carry no code. */
const LOST_CONNECTION_MESSAGE = /Connection terminated|Client has encountered a connection error|Connection closed|terminating connection due to administrator command/;

/** SQLSTATE 22021 (a NUL or invalid UTF-8 in text) and 22P05 (a character the database encoding cannot hold). */
const MALFORMED_TEXT_SQLSTATES = new Set(["22021", "22P05"]);

/** True when PostgreSQL refused a query's text itself, as Prisma with the pg adapter, Prisma's raw queries or pg report it. */
export function isMalformedTextError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, meta, cause } = current as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } }; cause?: unknown };
    for (const candidate of [code, meta?.code, meta?.driverAdapterError?.cause?.originalCode]) if (typeof candidate === "string" && MALFORMED_TEXT_SQLSTATES.has(candidate)) return true;
    current = cause;
  }
  return false;
}

/**
 * True for errors that mean PostgreSQL is away (restarting, down, unreachable) or did not
 * give a connection in time, from Prisma (with the pg driver adapter) or from pg itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, message, meta, cause } = current as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; cause?: unknown };
    if (typeof code === "string" && (PRISMA_UNAVAILABLE_CODES.has(code) || SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    const adapterCause = meta?.driverAdapterError?.cause as { kind?: string; originalCode?: string } | undefined;
    if (adapterCause?.kind && ADAPTER_UNAVAILABLE_KINDS.has(adapterCause.kind)) return true;
    if (adapterCause?.originalCode && UNAVAILABLE_SQLSTATE.test(adapterCause.originalCode)) return true;
    if (typeof message === "string" && LOST_CONNECTION_MESSAGE.test(message)) return true;
    current = cause;
  }
  return false;
}
