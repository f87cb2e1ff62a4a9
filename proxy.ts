import type { NextRequest } from "next/server";
import { refuseCrossSiteRequest } from "@/lib/security/refuse-cross-site-request";

/** Runs before every request (Next 16's name for middleware). Not an authorization layer: actions check their actor themselves. */
export function proxy(request: NextRequest) {
  const refusal = refuseCrossSiteRequest(request);
  if (refusal) return refusal;
}
