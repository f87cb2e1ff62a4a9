import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";

/**
 * An address under /api/ that names no endpoint: the API's error shape rather than the site's
 * HTML 404 page (a route of its own wins over this catch-all; other methods than GET and HEAD
 * are answered by the proxy, lib/security/refuse-method.ts).
 */
export function GET(): Response {
  return toErrorResponse(new AppError("NOT_FOUND", "No endpoint has this address: the API's endpoints are listed at /api."));
}
