import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";
import { siteUrl } from "@/lib/site-url.cjs";

const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Auth.js' own endpoints check their CSRF token (and OAuth providers may post back from their site). */
const OWN_CSRF_PROTECTION = "/api/auth/";

export const CROSS_SITE_REFUSAL = "Refused: this request did not come from a Careerwiki page. Open the page on the site and try again.\n";

/**
 * A state-changing request (server action or form post) must come from one of our own pages:
 * its Origin header must be the configured site's origin (lib/site-url.cjs; never a Host or
 * forwarded header, which a client can choose). A foreign origin, `null` (sandboxed frames,
 * some redirects) and a missing one are refused with a 403 and a plain message, before any
 * code of the page or action runs. Browsers send Origin on every POST, so only handcrafted
 * requests lack it. (Next would abort a foreign-origin action itself, but with a 500 and a
 * digest; it lets a missing Origin through.) GET and HEAD change nothing and pass. Under /api/
 * the refusal is the API's JSON error shape.
 */
export function refuseCrossSiteRequest(request: Request): Response | null {
  if (!STATE_CHANGING_METHODS.has(request.method.toUpperCase())) return null;
  if (new URL(request.url).pathname.startsWith(OWN_CSRF_PROTECTION)) return null;
  if (isOwnOrigin(request.headers.get("origin"), siteUrl())) return null;
  if (new URL(request.url).pathname.startsWith("/api/")) return toErrorResponse(new AppError("FORBIDDEN", CROSS_SITE_REFUSAL.trim()));
  return new Response(CROSS_SITE_REFUSAL, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

function isOwnOrigin(origin: string | null, expected: string): boolean {
  if (!origin || origin === "null") return false;
  try {
    return new URL(origin).origin === new URL(expected).origin;
  } catch {
    return false;
  }
}
