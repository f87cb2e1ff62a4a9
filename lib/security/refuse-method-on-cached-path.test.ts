import { describe, expect, it } from "vitest";
import { refuseMethodOnApi, refuseMethodOnCachedPath } from "./refuse-method-on-cached-path";

const CACHED = ["/roles/nurses.md", "/roles/nurses/changes.atom", "/roles/29-1141.00.md", "/api/roles/29-1141.00", "/api/roles/not-a-code", "/api/roles-markdown/nurses"];
// Role pages render the same for every method (see the module), so they are left to Next.
const NOT_CACHED = ["/", "/roles", "/roles/nurses", "/roles/nurses-md", "/roles/nurses/history", "/search", "/api/search/suggest", "/api/auth/signin/email", "/moderation/abc", "/changes.atom"];
const OTHER_METHODS = ["POST", "PUT", "PATCH", "DELETE", "PROPFIND"];

const request = (method: string, path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { method, headers });

describe("refuseMethodOnCachedPath", () => {
  it("lets GET and HEAD through everywhere", () => {
    for (const path of [...CACHED, ...NOT_CACHED]) {
      for (const method of ["GET", "HEAD", "get"]) expect(refuseMethodOnCachedPath(request(method, path)), `${method} ${path}`).toBeNull();
    }
  });

  it("answers every other method on a cached path itself, with the allowed methods and no caching", async () => {
    for (const path of CACHED) {
      for (const method of OTHER_METHODS) {
        const refusal = refuseMethodOnCachedPath(request(method, path));
        expect(refusal?.status, `${method} ${path}`).toBe(405);
        expect(refusal?.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
        expect(refusal?.headers.get("cache-control")).toBe("no-store");
        if (path.startsWith("/api/")) expect(await refusal?.json()).toEqual({ error: { code: "METHOD_NOT_ALLOWED", message: "This address answers GET and HEAD only." } });
        else expect(await refusal?.text()).toBe("This address answers GET and HEAD only.\n");
      }
      const options = refuseMethodOnCachedPath(request("OPTIONS", path));
      expect(options?.status, `OPTIONS ${path}`).toBe(204);
      expect(options?.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    }
  });

  it("leaves other paths and server actions to the rest of the app", () => {
    for (const path of NOT_CACHED) {
      for (const method of [...OTHER_METHODS, "OPTIONS"]) expect(refuseMethodOnCachedPath(request(method, path)), `${method} ${path}`).toBeNull();
    }
    expect(refuseMethodOnCachedPath(request("POST", "/roles/nurses.md", { "next-action": "abc" }))).toBeNull();
    expect(refuseMethodOnCachedPath(request("PUT", "/roles/nurses.md", { "next-action": "abc" }))?.status).toBe(405);
  });
});

describe("refuseMethodOnApi", () => {
  it("answers a method the API does not take with its 405, at any address under /api/, known or not", async () => {
    for (const path of ["/api/earnings", "/api/health", "/api/search/suggest", "/api/nope", "/api/roles/29-1141.00"]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE", "PROPFIND"]) {
        const refusal = refuseMethodOnApi(request(method, path));
        expect(refusal?.status, `${method} ${path}`).toBe(405);
        expect(refusal?.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
        expect(await refusal?.json()).toEqual({ error: { code: "METHOD_NOT_ALLOWED", message: "This address answers GET and HEAD only." } });
      }
    }
  });

  it("lets Auth.js have its POSTs, and refuses its other methods naming POST", async () => {
    expect(refuseMethodOnApi(request("POST", "/api/auth/signout"))).toBeNull();
    const refusal = refuseMethodOnApi(request("DELETE", "/api/auth/session"));
    expect([refusal?.status, refusal?.headers.get("allow")]).toEqual([405, "GET, HEAD, POST, OPTIONS"]);
    expect((await refusal?.json()).error.message).toBe("This address answers GET, HEAD and POST only.");
  });

  it("leaves GET, HEAD and OPTIONS, and every address outside /api/, alone", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(refuseMethodOnApi(request(method, "/api/earnings"))).toBeNull();
    for (const path of ["/", "/roles/nurses", "/api", "/apiary"]) expect(refuseMethodOnApi(request("DELETE", path))).toBeNull();
  });
});
