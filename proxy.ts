import { NextResponse, type NextRequest } from "next/server";
import { isMalformedPath, isMalformedQuery } from "@/lib/http/request-params";
import { createNonce, needsNoncePolicy, nonceContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { refuseCrossSiteRequest } from "@/lib/security/refuse-cross-site-request";
import { refuseMethodOnApi, refuseMethodOnCachedPath } from "@/lib/security/refuse-method-on-cached-path";
import { logger } from "@/lib/logging/logger.cjs";
import { roleAddressExists } from "@/lib/roles/role-address-exists";

/**
 * Runs before matching requests (Next 16's name for middleware). Never an authorization
 * layer: every page and action checks its actor itself.
 *
 * 0. A malformed address (lib/http/request-params.ts: a path such as `/roles/%FF`, `a%00b`,
 *    `..md`, or a query value that is not text) is the client's mistake, answered before Next
 *    decodes the path into route parameters (which fails with a 500): the site's 404 page,
 *    rendered on the server, for a page address; a 400 for the API and other methods. One
 *    log line, no stack. (A page's own notFound() is rendered in the browser by Next.)
 * 0b. A role page address (/roles/<slug>) that names no role, old slug or O*NET-SOC code
 *    gets the same server-rendered 404 page (lib/roles/role-address-exists.ts says why); a
 *    known one costs a lookup in a set the process keeps.
 * 1. Methods other than GET and HEAD never reach a cached path (405), so only what a GET
 *    answered can enter Next's cache; under /api/ they get the API's 405 (Auth.js also POSTs).
 * 2. State-changing requests from another origin are refused (403) before anything runs.
 * 3. Signed-in pages get a Content-Security-Policy with a fresh nonce and 'strict-dynamic'.
 *    Next reads the nonce from the policy on the request and puts it on its own scripts; the
 *    same policy goes out on the response, replacing the cached pages' one from
 *    next.config.ts. These pages read the session, so they render per request anyway.
 */
export function proxy(request: NextRequest) {
  const malformed = answerMalformedPath(request);
  if (malformed) return malformed;
  const unknownRole = answerUnknownRole(request);
  if (unknownRole) return unknownRole;
  const refusal = refuseMethodOnApi(request) ?? refuseMethodOnCachedPath(request) ?? refuseCrossSiteRequest(request);
  if (refusal) return refusal;
  if (!needsNoncePolicy(request.nextUrl.pathname)) return;
  const policy = nonceContentSecurityPolicy(createNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/** Where a malformed or unknown page address is rewritten: no route matches it, so Next renders app/not-found.tsx with a 404. */
export const MALFORMED_ADDRESS_PATH = "/_malformed-address";

/** A role page address: the slugs, old slugs and codes of lib/http/request-params.ts (anything else is malformed or another route). */
const ROLE_PAGE_PATH = /^\/roles\/([a-z0-9-]{1,200}|\d{2}-\d{4}\.\d{2})$/;

function answerUnknownRole(request: NextRequest): Promise<Response | undefined> | undefined {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  const key = ROLE_PAGE_PATH.exec(request.nextUrl.pathname)?.[1];
  if (!key) return undefined;
  return roleAddressExists(key).then(
    (exists) => (exists ? undefined : NextResponse.rewrite(new URL(MALFORMED_ADDRESS_PATH, request.url))),
    // The database is unreachable: the page answers as it would have (its own error page).
    () => undefined,
  );
}

function answerMalformedPath(request: NextRequest): Response | Promise<Response> | undefined {
  // request.url keeps the path as sent; nextUrl.pathname may already be normalised.
  const url = new URL(request.url);
  const rawPathname = url.pathname;
  if (!isMalformedPath(rawPathname) && !isMalformedQuery(url.searchParams)) return undefined;
  // A client's mistake: the request line (lib/logging/request-log.cjs) records it; details only on LOG_LEVEL=debug.
  logger.debug({ component: "proxy", method: request.method, path: rawPathname.slice(0, 200) }, "malformed address refused");
  if ((request.method === "GET" || request.method === "HEAD") && !rawPathname.startsWith("/api/")) return NextResponse.rewrite(new URL(MALFORMED_ADDRESS_PATH, request.url));
  const refusal = Response.json({ error: { code: "BAD_REQUEST", message: "This address is malformed." } }, { status: 400, headers: { "Cache-Control": "no-store" } });
  // Read the body first: answering before it is sent resets the connection ("aborted" in the log).
  return request.body ? request.arrayBuffer().then(() => refusal, () => refusal) : refusal;
}

// A literal: Next reads it at build time.
// - The signed-in paths: the same list as NONCE_PATH_PATTERNS, which a unit test checks.
// - The cached paths: the same list as CACHED_PATH_PATTERNS (the method check), and the whole API.
// - Every request that can run a server action or carry a cross-site post: those with an
//   Origin, a Next-Action header (fetch actions) or a body (form posts need a Content-Type).
//   Other plain views of reader pages have none of them and skip the proxy: cached pages cost
//   nothing extra.
// - Paths with a percent sign, a segment starting with a dot, or longer than any page's,
//   which may be malformed (above): the app's own links never have them. And the reader
//   pages that read a query (search, compare, browse, interests, earnings, paths), all rendered
//   per request anyway.
// - Role pages, whose address may name no role (0b above): a set lookup per view.
export const config = {
  matcher: [
    "/sign-in/:path*",
    "/sign-out",
    "/profile",
    "/contribute/:path*",
    "/me/:path*",
    "/moderation/:path*",
    "/dev/:path*",
    "/roles/:slug/history",
    "/roles/:slug.md",
    "/roles/:slug/changes.atom",
    "/api/roles/:path*",
    "/api/roles-markdown/:path*",
    "/api/openapi.json",
    // Every other API address too, for the method check (1).
    "/api/:path*",
    { source: "/(.*)", has: [{ type: "header", key: "origin" }] },
    { source: "/(.*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/(.*)", has: [{ type: "header", key: "content-type" }] },
    "/roles/:slug",
    "/search",
    "/compare",
    "/roles",
    "/interests",
    "/earnings",
    "/paths/:path*",
    "/(.*%.*)",
    "/(.*/[.].*)",
    "/(.{1000,})",
  ],
};
