import { answerMethodNotAllowed } from "@/lib/http/method-not-allowed";

/**
 * The route handlers whose answers Next caches for everyone (ISR): the Markdown export (by its
 * public address, rewritten, and the route's own), a page's Atom feed, the JSON API and its OpenAPI document. proxy.ts runs on them (its
 * matcher repeats this list; a unit test checks they agree).
 *
 * Role pages themselves are left out on purpose: the proxy on every cached page view cost
 * about a quarter more CPU per view (measured), and a page renders the same for any method
 * (it reads nothing from the request), so another method can only store what a GET would.
 */
export const CACHED_PATH_PATTERNS = ["/roles/:slug.md", "/roles/:slug/changes.atom", "/api/roles/:path*", "/api/roles-markdown/:path*", "/api/openapi.json"] as const;

const CACHED_PATHS = CACHED_PATH_PATTERNS.map(
  (pattern) => new RegExp(`^${pattern.replace(/\./g, "\\.").replace(/\/:path\*$/, "(?:/.*)?").replace(/:[a-z]+/g, "[^/]+")}$`),
);

/**
 * Only GET and HEAD reach a cached path: Next 16 renders an uncached ISR path for any method
 * and stores what it answered (a POST's 405, an OPTIONS' empty 204) as the page every reader
 * then gets. Other methods get a 405 (OPTIONS a 204 naming the methods) here, before Next
 * looks at its cache: in the API's error shape under /api/, a line of text for the Markdown
 * and Atom exports. Server actions (POST with `Next-Action`) pass: Next never caches them.
 */
export function refuseMethodOnCachedPath(request: Request): Response | null {
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD") return null;
  if (method === "POST" && request.headers.has("next-action")) return null;
  const { pathname } = new URL(request.url);
  if (!CACHED_PATHS.some((path) => path.test(pathname))) return null;
  if (method === "OPTIONS") return new Response(null, { status: 204, headers: { Allow: "GET, HEAD, OPTIONS", "Cache-Control": "no-store" } });
  return answerMethodNotAllowed({ format: pathname.startsWith("/api/") ? "json" : "text" });
}

/**
 * The public API takes GET and HEAD (and OPTIONS); Auth.js's endpoints POST too. Any other
 * method under /api/ is answered here with the API's 405, whether or not a route has that
 * address (Next's own 405 has no body, and an unknown address would get the HTML 404 page).
 * Server actions never post to /api/.
 */
export function refuseMethodOnApi(request: Request): Response | null {
  const { pathname } = new URL(request.url);
  if (!pathname.startsWith("/api/")) return null;
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  const auth = pathname.startsWith("/api/auth/");
  if (auth && method === "POST") return null;
  return answerMethodNotAllowed({ methods: auth ? ["GET", "HEAD", "POST"] : ["GET", "HEAD"] });
}
