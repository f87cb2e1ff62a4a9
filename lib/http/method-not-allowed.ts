import "server-only";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "./error-response";

/** "GET and HEAD", "GET, HEAD and POST". */
const inWords = (methods: readonly string[]) => (methods.length < 2 ? methods.join("") : `${methods.slice(0, -1).join(", ")} and ${methods.at(-1)}`);

/**
 * 405 for a method the address does not take, naming those it does (in words and in Allow,
 * with OPTIONS): the API's error shape, or a line of text for an export (Markdown, Atom).
 */
export function answerMethodNotAllowed({ format = "json", methods = ["GET", "HEAD"] }: { format?: "json" | "text"; methods?: readonly string[] } = {}): Response {
  const response = toErrorResponse(new AppError("METHOD_NOT_ALLOWED", `This address answers ${inWords(methods)} only.`), format);
  response.headers.set("Allow", [...methods, "OPTIONS"].join(", "));
  return response;
}
