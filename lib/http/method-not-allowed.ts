import "server-only";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "./error-response";

/** The methods every public endpoint takes (Next answers OPTIONS with the handlers a route exports). */
export const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

/** 405, naming the methods the address takes: the API's error shape, or a line of text for an export (Markdown, Atom). */
export function answerMethodNotAllowed(format: "json" | "text" = "json"): Response {
  const response = toErrorResponse(new AppError("METHOD_NOT_ALLOWED"), format);
  response.headers.set("Allow", ALLOWED_METHODS);
  return response;
}

/**
 * A route handler's answer to the methods it does not take. Without it Next answers a 405 with
 * no body; each API route re-exports it as POST, PUT, PATCH and DELETE.
 */
export function refuseMethod(): Response {
  return answerMethodNotAllowed();
}
