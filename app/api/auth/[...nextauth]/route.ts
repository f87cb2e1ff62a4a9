// Auth.js' own endpoints: sign-in/out, the magic-link callback, OAuth callbacks, session, csrf.
import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { withoutForeignCallbackUrl } from "@/lib/auth/callback-url";
import { siteOrigin } from "@/lib/auth/site-origin";

export const { POST } = handlers;

/** Auth.js' GET endpoints (the emailed link among them), minus a foreign `callbackUrl`, which would make Auth.js fail with a 500. */
export function GET(request: NextRequest) {
  const url = new URL(request.url);
  const kept = withoutForeignCallbackUrl(url, siteOrigin(request.headers));
  return handlers.GET(kept === url ? request : new NextRequest(kept, { headers: request.headers }));
}
