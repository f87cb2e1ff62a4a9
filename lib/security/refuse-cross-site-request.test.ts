import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CROSS_SITE_REFUSAL, refuseCrossSiteRequest } from "./refuse-cross-site-request";

const site = "http://localhost:3000";

beforeEach(() => {
  vi.stubEnv("SITE_URL", site);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function request(method: string, path: string, headers: Record<string, string>) {
  return new Request(new URL(path, site), { method, headers: { host: "localhost:3000", ...headers } });
}

describe("refuseCrossSiteRequest", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE", "post"])("lets a %s from the site's own origin through", (method) => {
    expect(refuseCrossSiteRequest(request(method, "/me/contributions", { origin: site, "next-action": "7f00" }))).toBeNull();
  });

  it.each([
    ["a foreign origin", { origin: "https://evil.example" }],
    ["a look-alike host", { origin: "http://localhost.evil.example:3000" }],
    ["another port", { origin: "http://localhost:3001" }],
    ["another scheme", { origin: "https://localhost:3000" }],
    ["the null origin", { origin: "null" }],
    ["no origin", {}],
    ["a malformed origin", { origin: "not a url" }],
  ])("refuses a server action from %s with a 403 and a plain message", async (_label, headers) => {
    const refusal = refuseCrossSiteRequest(request("POST", "/me/contributions", { ...headers, "next-action": "7f00" }));
    expect(refusal?.status).toBe(403);
    expect(refusal?.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await refusal?.text()).toBe(CROSS_SITE_REFUSAL);
  });

  it("refuses under /api/ in the API's JSON error shape", async () => {
    const refusal = refuseCrossSiteRequest(request("POST", "/api/earnings", { origin: "https://evil.example", "content-type": "application/json" }));
    expect(refusal?.status).toBe(403);
    expect(await refusal?.json()).toEqual({ error: { code: "FORBIDDEN", message: CROSS_SITE_REFUSAL.trim() } });
  });

  it("refuses a foreign form post without the Next-Action header too (a no-JavaScript server action)", () => {
    expect(refuseCrossSiteRequest(request("POST", "/profile", { origin: "https://evil.example", "content-type": "multipart/form-data; boundary=x" }))?.status).toBe(403);
  });

  it.each(["GET", "HEAD", "OPTIONS"])("lets a cross-site %s through: it changes nothing", (method) => {
    expect(refuseCrossSiteRequest(request(method, "/roles/test-widget-engineers", { origin: "https://evil.example" }))).toBeNull();
  });

  it("leaves /api/auth/* to Auth.js, which checks its own CSRF token", () => {
    expect(refuseCrossSiteRequest(request("POST", "/api/auth/signin/nodemailer", { origin: "https://evil.example" }))).toBeNull();
    expect(refuseCrossSiteRequest(request("POST", "/api/authx", { origin: "https://evil.example" }))?.status).toBe(403);
  });

  it.each([
    ["X-Forwarded-Host", { "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" }],
    ["Host", { host: "evil.example" }],
    ["Forwarded", { forwarded: "host=evil.example;proto=http" }],
  ])("compares with the configured site URL only: a forged %s matching a foreign Origin is refused", (_label, forged) => {
    expect(refuseCrossSiteRequest(request("POST", "/profile", { ...forged, origin: "http://evil.example" }))?.status).toBe(403);
    expect(refuseCrossSiteRequest(request("POST", "/profile", { ...forged, origin: site }))).toBeNull();
  });

  it("behind a proxy, the site is SITE_URL (AUTH_URL), whatever the proxy forwards", () => {
    vi.stubEnv("SITE_URL", "https://careerwiki.example");
    const forwarded = { "x-forwarded-host": "careerwiki.example", "x-forwarded-proto": "https" };
    expect(refuseCrossSiteRequest(request("POST", "/profile", { ...forwarded, origin: "https://careerwiki.example" }))).toBeNull();
    expect(refuseCrossSiteRequest(request("POST", "/profile", { ...forwarded, origin: "http://localhost:3000" }))?.status).toBe(403);
  });
});
