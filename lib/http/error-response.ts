import "server-only";
import { toAppError, toHttpStatus, toUserMessage } from "@/lib/errors";
import { logger } from "@/lib/logging/logger.cjs";
import type { TErrorResponse } from "./error-response.types";

/** How long a client (or a front's health check) should wait before asking again, in seconds. */
export const RETRY_AFTER_SECONDS = "5";

/**
 * A route handler's answer to an error, never cached: the AppError's status and message
 * (503 and "try again in a moment" with Retry-After while the database is away), or a
 * logged, generic 500 for anything unexpected. JSON is `{ error: { code, message } }`
 * (ZErrorResponseSchema, the OpenAPI document's `Error`).
 */
export function toErrorResponse(error: unknown, format: "json" | "text" = "json"): Response {
  const appError = toAppError(error);
  if (!appError) logger.error({ component: "route", err: error }, "unexpected error");
  const status = toHttpStatus(error);
  const message = toUserMessage(error);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (status === 503) headers["Retry-After"] = RETRY_AFTER_SECONDS;
  if (format === "text") return new Response(`${message}\n`, { status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  const body: TErrorResponse = { error: { code: appError?.code ?? "INTERNAL", message } };
  return Response.json(body, { status, headers });
}
