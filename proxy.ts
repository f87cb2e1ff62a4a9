import { NextResponse, type NextRequest } from "next/server";
import { createNonce, nonceContentSecurityPolicy } from "@/lib/security/content-security-policy";

/**
 * Signed-in pages get a Content-Security-Policy with a fresh nonce and 'strict-dynamic'.
 * Next reads the nonce from the policy on the request and puts it on its own scripts; the
 * same policy goes out on the response, replacing the cached pages' one from next.config.ts.
 * These pages read the session, so they render per request anyway. Never used to authorise:
 * every page and action checks the actor itself.
 */
export function proxy(request: NextRequest) {
  const policy = nonceContentSecurityPolicy(createNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// A literal (Next reads it at build time): the same list as NONCE_PATH_PATTERNS, which a unit test checks.
export const config = {
  matcher: ["/sign-in/:path*", "/sign-out", "/profile", "/contribute/:path*", "/me/:path*", "/moderation/:path*", "/dev/:path*", "/roles/:slug/history"],
};
