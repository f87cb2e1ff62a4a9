import { expect, test } from "@playwright/test";
import { ZRoleApiResponseSchema } from "../../app/api/roles/[code]/route.types";
import { ZEarningsResponseSchema } from "../../lib/earnings/earnings-response";
import { ZErrorResponseSchema } from "../../lib/http/error-response.types";

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
