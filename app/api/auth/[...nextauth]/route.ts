// Auth.js' own endpoints: sign-in/out, the magic-link callback, OAuth callbacks, session, csrf.
import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { withoutForeignCallbackUrl } from "@/lib/auth/callback-url";
import { siteOrigin } from "@/lib/auth/site-origin";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";
import { wellFormedSearchParams } from "@/lib/http/request-params";

export const POST = refusingMalformed(handlers.POST);

/** Auth.js' GET endpoints (the emailed link among them), minus a foreign `callbackUrl`, which would make Auth.js fail with a 500. */
export const GET = refusingMalformed((request: NextRequest) => {
  const url = new URL(request.url);
  const kept = withoutForeignCallbackUrl(url, siteOrigin(request.headers));
  return handlers.GET(kept === url ? request : new NextRequest(kept, { headers: request.headers }));
});

const CALLBACK_URL_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/**
 * Auth.js answers some client mistakes with a 500 "server configuration" error: a
 * `callbackUrl` parameter or cookie its own check cannot read as an http(s) URL (its
 * `isValidHttpUrl`), and NUL or invalid UTF-8 in what it looks up. Such a query is refused
 * with a 400, such a cookie is dropped (the browser could not get rid of it otherwise), and
 * anything Auth.js throws goes through the route handlers' error mapper.
 */
function refusingMalformed(handler: (request: NextRequest) => Promise<Response> | Response) {
  return async (request: NextRequest): Promise<Response> => {
    try {
      const query = wellFormedSearchParams(request.nextUrl.searchParams);
      const callbackUrl = query?.callbackUrl;
      if (!query || Array.isArray(callbackUrl) || (callbackUrl !== undefined && !readableByAuthJs(callbackUrl, request.nextUrl.origin))) throw new AppError("BAD_REQUEST");
      const unreadable = CALLBACK_URL_COOKIES.filter((name) => {
        const value = request.cookies.get(name)?.value;
        return value !== undefined && !readableByAuthJs(value, request.nextUrl.origin);
      });
      if (unreadable.length === 0) return await handler(request);
      const headers = new Headers(request.headers);
      headers.set("cookie", request.cookies.getAll().filter((cookie) => !unreadable.includes(cookie.name)).map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`).join("; "));
      return await handler(new NextRequest(request, { headers }));
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** Auth.js' own test of a callback URL (isValidHttpUrl in @auth/core's assert.ts). */
function readableByAuthJs(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}
