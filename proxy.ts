import { NextResponse, type NextRequest } from "next/server";
import { createNonce, needsNoncePolicy, nonceContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { refuseCrossSiteRequest } from "@/lib/security/refuse-cross-site-request";
import { refuseMethodOnCachedPath } from "@/lib/security/refuse-method-on-cached-path";

/**
 * Runs before matching requests (Next 16's name for middleware). Never an authorization
 * layer: every page and action checks its actor itself.
 *
 * 1. Methods other than GET and HEAD never reach a cached path (405), so only what a GET
 *    answered can enter Next's cache.
 * 2. State-changing requests from another origin are refused (403) before anything runs.
 * 3. Signed-in pages get a Content-Security-Policy with a fresh nonce and 'strict-dynamic'.
 *    Next reads the nonce from the policy on the request and puts it on its own scripts; the
 *    same policy goes out on the response, replacing the cached pages' one from
 *    next.config.ts. These pages read the session, so they render per request anyway.
 */
export function proxy(request: NextRequest) {
  const refusal = refuseMethodOnCachedPath(request) ?? refuseCrossSiteRequest(request);
  if (refusal) return refusal;
  if (!needsNoncePolicy(request.nextUrl.pathname)) return;
  const policy = nonceContentSecurityPolicy(createNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// A literal: Next reads it at build time.
// - The signed-in paths: the same list as NONCE_PATH_PATTERNS, which a unit test checks.
// - The cached paths: the same list as CACHED_PATH_PATTERNS (the method check).
// - Every request that can run a server action or carry a cross-site post: those with an
//   Origin, a Next-Action header (fetch actions) or a body (form posts need a Content-Type).
//   Other plain views of reader pages have none of them and skip the proxy.
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
    "/api/roles/:path*",
    "/api/roles-markdown/:path*",
    { source: "/(.*)", has: [{ type: "header", key: "origin" }] },
    { source: "/(.*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/(.*)", has: [{ type: "header", key: "content-type" }] },
  ],
};
