import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { NONCE_PATH_PATTERNS, needsNoncePolicy } from "@/lib/security/content-security-policy";
import { siteUrl } from "@/lib/site-url.cjs";
import { CACHED_PATH_PATTERNS } from "@/lib/security/refuse-method-on-cached-path";
import { config, MALFORMED_ADDRESS_PATH, proxy } from "./proxy";

describe("proxy", () => {
  it("runs on exactly the signed-in paths the policy module lists, the cached paths, possibly malformed addresses, and on requests that may change state", () => {
    expect(config.matcher.filter((entry) => typeof entry === "string")).toEqual([...NONCE_PATH_PATTERNS, ...CACHED_PATH_PATTERNS, "/api/:path*", "/roles/:slug", "/search", "/compare", "/roles", "/interests", "/earnings", "/paths/:path*", "/(.*%.*)", "/(.*/[.].*)", "/(.{1000,})"]);
    expect(config.matcher.filter((entry) => typeof entry !== "string").map((entry) => entry.has[0]!.key)).toEqual(["origin", "next-action", "content-type"]);
  });

  it("gives the nonce policy to signed-in paths only", () => {
    for (const path of ["/sign-in", "/sign-in/check-email", "/profile", "/me/contributions/abc/edit", "/moderation", "/roles/nurses/history"]) {
      expect(needsNoncePolicy(path), path).toBe(true);
    }
    for (const path of ["/", "/roles/nurses", "/roles/nurses/history/x", "/profiles", "/search", "/changes.atom"]) {
      expect(needsNoncePolicy(path), path).toBe(false);
    }
    // A same-site post to a reader page passes the origin check and keeps the cached page's policy.
    const post = new NextRequest(`${siteUrl()}/roles/nurses`, { method: "POST", headers: { origin: siteUrl(), "next-action": "x" } });
    expect(proxy(post)).toBeUndefined();
  });

  it("refuses methods other than GET and HEAD on cached paths and the API before the origin check", async () => {
    const post = await proxy(new NextRequest("http://localhost/api/roles/15-1299.05", { method: "POST" }));
    expect(post?.status).toBe(405);
    expect((await proxy(new NextRequest("http://localhost/api/earnings", { method: "DELETE", headers: { origin: "https://evil.example" } })))?.status).toBe(405);
    expect(proxy(new NextRequest("http://localhost/api/roles/15-1299.05"))).toBeUndefined();
  });

  it("gives each request a fresh nonce policy, on the response and on the request Next renders", () => {
    const first = proxy(new NextRequest("http://localhost/profile")) as Response;
    const second = proxy(new NextRequest("http://localhost/profile")) as Response;
    const policy = first.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    // NextResponse.next({ request: { headers } }) hands the rewritten request headers to Next this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("answers a malformed address itself: the site's 404 page for a page, a 400 for the API and other methods", async () => {
    for (const path of ["/roles/%FF", "/roles/a%00b/history", "/roles/..md", "/search?q=a%00b", "/moderation?author=%FF"]) {
      const response = proxy(new NextRequest(`http://localhost${path}`)) as Response;
      expect(response.headers.get("x-middleware-rewrite"), path).toBe(`http://localhost${MALFORMED_ADDRESS_PATH}`);
    }
    for (const request of [new NextRequest("http://localhost/api/roles/%FF"), new NextRequest("http://localhost/api/search/suggest?q=%00"), new NextRequest("http://localhost/roles/%FF", { method: "POST", body: "x", headers: { origin: "http://localhost" } })]) {
      const response = await proxy(request);
      expect(response?.status, request.url).toBe(400);
      expect(await response?.json()).toEqual({ error: { code: "BAD_REQUEST", message: "This address is malformed." } });
    }
    expect(proxy(new NextRequest("http://localhost/search?q=caf%C3%A9"))).toBeUndefined();
  });
});
