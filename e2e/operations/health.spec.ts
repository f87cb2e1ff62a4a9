import { expect, test } from "@playwright/test";
import { findFreePort } from "../../lib/db/find-free-port";
import { startProductionServer } from "../../tests/support/e2e/production-server";

// GET /api/health, which the front asks to skip an instance whose database is away: against
// the suite's server (database up), then a private `next start` whose database URL points at a
// port where nothing listens (a stopped PostgreSQL). Read-only.

test("the health check answers 200 with a tiny JSON body, never cached, HEAD too, and refuses other methods", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toEqual({ status: "ok", databaseMs: expect.any(Number) });

  const head = await request.head("/api/health");
  expect(head.status()).toBe(200);
  expect(head.headers()["cache-control"]).toBe("no-store");
  expect(await head.body()).toHaveLength(0);

  for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
    const refused = await request.fetch("/api/health", { method });
    expect(refused.status(), method).toBe(405);
  }
});

test("with its database stopped, an instance answers 503 unavailable with Retry-After at once, and says nothing more", async () => {
  test.setTimeout(120_000);
  const closedPort = await findFreePort();
  const serverLog: string[] = [];
  const server = await startProductionServer(`postgresql://careerwiki:secret@127.0.0.1:${closedPort}/careerwiki`, {
    distDir: ".next-e2e",
    isolated: true,
    onOutput: (line) => serverLog.push(line),
  });
  try {
    const started = performance.now();
    const response = await fetch(`${server.baseUrl}/api/health`);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("retry-after")).toBe("5");
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ status: "unavailable" });
    expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
    const head = await fetch(`${server.baseUrl}/api/health`, { method: "HEAD" });
    expect(head.status).toBe(503);
    // The reason is in the server's log, for the operator.
    expect(serverLog.join("\n")).toContain("database check failed");
  } finally {
    await server.stop();
  }
});
