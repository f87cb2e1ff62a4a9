import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";

// Any address under /api/ that names no endpoint, by any method: the API's error shape rather
// than the site's HTML 404 page. (A route of its own wins over this catch-all.)
function answerNoEndpoint(): Response {
  return toErrorResponse(new AppError("NOT_FOUND", "No endpoint has this address: the API's endpoints are listed at /api."));
}

export { answerNoEndpoint as DELETE, answerNoEndpoint as GET, answerNoEndpoint as HEAD, answerNoEndpoint as OPTIONS, answerNoEndpoint as PATCH, answerNoEndpoint as POST, answerNoEndpoint as PUT };
