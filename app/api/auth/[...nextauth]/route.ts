// Auth.js' own endpoints: sign-in/out, the magic-link callback, OAuth callbacks, session, csrf.
import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { withSafeCallbackUrl } from "@/lib/auth/callback-url";

export const { POST } = handlers;

/** Auth.js' GET endpoints (the emailed link among them), with `callbackUrl` normalised or, when foreign, removed (Auth.js would fail with a 500 on some). */
export function GET(request: NextRequest) {
  const url = new URL(request.url);
  const kept = withSafeCallbackUrl(url);
  return handlers.GET(kept === url ? request : new NextRequest(kept, { headers: request.headers }));
}
