import { expect, test } from "@playwright/test";
import { ZRoleApiResponseSchema } from "../../app/api/roles/[code]/route.types";
import { ZEarningsResponseSchema } from "../../lib/earnings/earnings-response";
import { ZErrorResponseSchema } from "../../lib/http/error-response.types";
import { listAppRoutes, sampleUrls } from "../security/malformed-corpus";

// The public API as a client meets it on the suite's server: the OpenAPI document, the page for
// people (plain HTML, no JavaScript), the version header, and real answers in their documented shapes. Read-only.

test("/api/openapi.json is the OpenAPI 3.1 document, cacheable, GET only, with the API-Version header", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["api-version"]).toBe("1");
  expect(response.headers()["cache-control"]).toContain("public");
  const document = await response.json();
  expect(document).toMatchObject({ openapi: "3.1.0", info: { version: "1" }, components: { schemas: { Error: expect.any(Object), Role: expect.any(Object) } } });
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/roles/{code}", "/roles/{slug}.md", "/api/earnings", "/api/search/suggest", "/api/health", "/changes.atom"]));
  expect((await request.fetch("/api/openapi.json", { method: "POST" })).status()).toBe(405);
});

test("/api describes every endpoint for people, server-rendered", async ({ request }) => {
  const response = await request.get("/api");
  expect(response.status()).toBe(200);
  const html = await response.text();
  for (const path of ["GET /api/roles/{code}", "GET /roles/{slug}.md", "GET /api/earnings", "GET /api/search/suggest", "GET /api/health", "GET /changes.atom"]) expect(html).toContain(path);
  expect(html).toContain("API-Version");
  expect(html).toContain("application/json: Error");
  expect(html).toContain("curl https://&lt;site&gt;/api/roles/15-1252.00");
});

test("real answers carry the version and match their documented shapes: a role, earnings, an error", async ({ request }) => {
  const role = await request.get("/api/roles/99-0001.00");
  expect(role.status()).toBe(200);
  expect(role.headers()["api-version"]).toBe("1");
  expect(ZRoleApiResponseSchema.safeParse(await role.json()).error?.issues ?? []).toEqual([]);

  const earnings = await request.get("/api/earnings?roles=test-widget-engineers,test-gadget-technicians&path=range");
  expect(earnings.status()).toBe(200);
  expect(ZEarningsResponseSchema.safeParse(await earnings.json()).error?.issues ?? []).toEqual([]);

  for (const path of ["/api/roles/99-9999.99", "/api/roles/not-a-code", "/api/earnings?roles=no-such-career", "/api/search/suggest?q=", "/api/roles/%FF"]) {
    const refused = await request.get(path);
    expect(refused.status(), path).toBeGreaterThanOrEqual(400);
    expect(refused.headers()["api-version"], path).toBe("1");
    expect(ZErrorResponseSchema.safeParse(await refused.json()).success, path).toBe(true);
  }
});

test("every address under /api/ refuses in the one error shape: each endpoint by a method it does not take, and an address that names none", async ({ request }) => {
  const endpoints = listAppRoutes().filter((route) => route.kind === "handler" && route.template.startsWith("/api/") && !route.template.startsWith("/api/auth/") && !route.template.includes("[..."));
  expect(endpoints.length).toBeGreaterThanOrEqual(7);
  const refusals: { path: string; method: string; status: number; allow?: string; body: unknown }[] = [];
  for (const url of endpoints.flatMap((route) => sampleUrls(route.template))) {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const answer = await request.fetch(url, { method, maxRedirects: 0 });
      refusals.push({ path: url, method, status: answer.status(), allow: answer.headers()["allow"], body: await answer.json().catch(() => "not JSON") });
    }
  }
  const wrong = refusals.filter((refusal) => refusal.status !== 405 || refusal.allow !== "GET, HEAD, OPTIONS" || !ZErrorResponseSchema.safeParse(refusal.body).success);
  expect(wrong).toEqual([]);

  for (const [method, path] of [["GET", "/api/nope"], ["POST", "/api/nope"], ["GET", "/api/roles/99-0001.00/extra"], ["GET", "/api/watches/99-9999.99"], ["GET", "/api/auth/no-such-action"]] as const) {
    const answer = await request.fetch(path, { method, maxRedirects: 0 });
    expect(answer.status(), `${method} ${path}`).toBeGreaterThanOrEqual(400);
    expect(ZErrorResponseSchema.safeParse(await answer.json()).success, `${method} ${path}`).toBe(true);
  }
  expect((await request.get("/api/search/suggest?q=nurse&q=widget")).status()).toBe(422);
  expect((await (await request.get("/api/search/suggest?q=nurse&q=widget")).json()).error.message).toBe("Search for one thing at a time: the address has more than one query.");
});

test("Auth.js' endpoints answer HEAD as GET, its own sign-out and error pages are the site's, and an unused provider is a 404", async ({ request }) => {
  for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers"]) {
    const [head, get] = [await request.head(path), await request.get(path)];
    expect([path, head.status()]).toEqual([path, get.status()]);
  }
  const signOut = await request.get("/api/auth/signout", { maxRedirects: 0 });
  expect([signOut.status(), new URL(signOut.headers()["location"]!, "http://x").pathname]).toEqual([303, "/sign-out"]);
  // A provider the site does not use is an address that does not exist, not a broken server.
  for (const path of ["/api/auth/callback/email", "/api/auth/signin/email"]) {
    const unknown = await request.get(path, { maxRedirects: 0 });
    expect([path, unknown.status(), (await unknown.json()).error.code]).toEqual([path, 404, "NOT_FOUND"]);
  }
  const error = await request.get("/api/auth/error", { maxRedirects: 0 });
  expect([error.status(), new URL(error.headers()["location"]!, "http://x").pathname + new URL(error.headers()["location"]!, "http://x").search]).toEqual([303, "/sign-in"]);
});
