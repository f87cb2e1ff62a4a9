// Auth.js' own endpoints: sign-in/out, the magic-link callback, OAuth callbacks, session, csrf.
import { NextRequest } from "next/server";
import { enabledOAuthProviders, handlers } from "@/lib/auth/auth";
import { withSafeCallbackUrl } from "@/lib/auth/callback-url";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";
import { wellFormedSearchParams } from "@/lib/http/request-params";

export const POST = refusingMalformed(handlers.POST);

/**
 * Auth.js' GET endpoints (the emailed link among them), with `callbackUrl` normalised or, when
 * foreign, removed (Auth.js would fail with a 500 on some). Two of its own pages are the site's:
 * its sign-out page is /sign-out, and its error page without an error is the sign-in page.
 */
export const GET = refusingMalformed((request: NextRequest) => {
  const action = request.nextUrl.pathname.replace(/^\/api\/auth\//, "");
  if (action === "signout") return Response.redirect(new URL("/sign-out", request.nextUrl.origin), 303);
  if (action === "error" && !request.nextUrl.searchParams.get("error")) return Response.redirect(new URL("/sign-in", request.nextUrl.origin), 303);
  // A provider the site does not use (Auth.js calls that a server "Configuration" error).
  const provider = /^(?:signin|callback)\/([^/]+)$/.exec(action)?.[1];
  if (provider && !signInProviderIds().includes(provider)) throw new AppError("NOT_FOUND", "The site does not use this sign-in address: sign in at /sign-in.");
  const url = new URL(request.url);
  const kept = withSafeCallbackUrl(url);
  return handlers.GET(kept === url ? request : new NextRequest(kept, { headers: request.headers }));
});

/** The providers a sign-in or callback address may name: the emailed link's and the OAuth ones switched on. */
const signInProviderIds = () => ["nodemailer", ...enabledOAuthProviders().map((provider) => provider.id)];

/** HEAD answers as GET does, without the body (Auth.js itself refuses HEAD with a 400). */
export async function HEAD(request: NextRequest): Promise<Response> {
  const answer = await GET(new NextRequest(request.url, { method: "GET", headers: request.headers }));
  return new Response(null, { status: answer.status, headers: answer.headers });
}

/** An Auth.js refusal in the API's error shape: it answers an action it does not know with the bare JSON string "Bad request.". */
async function inErrorShape(response: Response): Promise<Response> {
  if (response.status < 400 || !response.headers.get("content-type")?.includes("application/json")) return response;
  const body: unknown = await response.clone().json().catch(() => null);
  if (typeof body === "object" && body !== null && "error" in body) return response;
  return toErrorResponse(new AppError(response.status === 404 ? "NOT_FOUND" : "BAD_REQUEST", "The site does not use this sign-in address: sign in at /sign-in."));
}

const CALLBACK_URL_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/**
 * Auth.js answers some client mistakes with a 500 "server configuration" error: a
 * `callbackUrl` parameter or cookie its own check cannot read as an http(s) URL (its
 * `isValidHttpUrl`: "a b", "-1"), and NUL or invalid UTF-8 in what it looks up. A query that
 * is not text is refused with a 400; such a `callbackUrl` is left out, as a foreign one is (the
 * default target is used), and such a cookie is dropped (the browser could not get rid of it
 * otherwise); anything Auth.js throws goes through the route handlers' error mapper.
 */
function refusingMalformed(handler: (request: NextRequest) => Promise<Response> | Response) {
  return async (request: NextRequest): Promise<Response> => {
    try {
      if (!wellFormedSearchParams(request.nextUrl.searchParams)) throw new AppError("BAD_REQUEST");
      const origin = request.nextUrl.origin;
      const url = new URL(request.url);
      const unreadableCallbackUrl = url.searchParams.getAll("callbackUrl").some((value) => !readableByAuthJs(value, origin));
      if (unreadableCallbackUrl) {
        if (request.method !== "GET" && request.method !== "HEAD") throw new AppError("BAD_REQUEST");
        url.searchParams.delete("callbackUrl");
      }
      const unreadable = CALLBACK_URL_COOKIES.filter((name) => {
        const value = request.cookies.get(name)?.value;
        return value !== undefined && !readableByAuthJs(value, origin);
      });
      if (unreadable.length === 0 && !unreadableCallbackUrl) return await inErrorShape(await handler(request));
      const headers = new Headers(request.headers);
      if (unreadable.length > 0) {
        headers.set("cookie", request.cookies.getAll().filter((cookie) => !unreadable.includes(cookie.name)).map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`).join("; "));
      }
      return await inErrorShape(await handler(unreadableCallbackUrl ? new NextRequest(url, { headers }) : new NextRequest(request, { headers })));
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
