import type { NextRequest } from "next/server";
import { refuseCrossSiteRequest } from "@/lib/security/refuse-cross-site-request";

/** Runs before matching requests (Next 16's name for middleware). Not an authorization layer: actions check their actor themselves. */
export function proxy(request: NextRequest) {
  const refusal = refuseCrossSiteRequest(request);
  if (refusal) return refusal;
}

// The origin check needs every request that can run a server action or carry a cross-site
// post: those with an Origin, a Next-Action header (fetch actions) or a body (form posts,
// which need a Content-Type). Plain page views have none of them and skip the proxy, so
// cached reader pages cost nothing extra. A literal: Next reads it at build time.
export const config = {
  matcher: [
    { source: "/(.*)", has: [{ type: "header", key: "origin" }] },
    { source: "/(.*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/(.*)", has: [{ type: "header", key: "content-type" }] },
  ],
};
