import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@/lib/db/find-free-port";
import { createTestDatabase, type TestDatabase } from "@/tests/support/integration/database";
import { checkDatabase } from "./check-database";

const TIMEOUT_MS = 500;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

/** A PostgreSQL URL whose host and port are `port` on localhost, the rest as the test database's. */
function urlOnPort(port: number): string {
  const url = new URL(database.url);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return url.toString();
}

describe("checkDatabase", () => {
  it("answers ok with the round trip when PostgreSQL answers", async () => {
    const health = await checkDatabase({ databaseUrl: database.url, timeoutMs: TIMEOUT_MS });
    expect(health).toEqual({ status: "ok", databaseMs: expect.any(Number) });
    if (health.status === "ok") expect(health.databaseMs).toBeLessThan(TIMEOUT_MS);
  });

  it("answers unavailable when nothing listens on the database's port", async () => {
    const started = performance.now();
    expect(await checkDatabase({ databaseUrl: urlOnPort(await findFreePort()), timeoutMs: TIMEOUT_MS })).toEqual({ status: "unavailable" });
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 1000);
  });

  it("shares one check among callers at the same moment: a flood opens one connection", async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    const port = await findFreePort();
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => checkDatabase({ databaseUrl: urlOnPort(port), timeoutMs: TIMEOUT_MS })));
      expect(answers).toEqual(Array.from({ length: 20 }, () => ({ status: "unavailable" })));
      expect(sockets).toHaveLength(1);
      // The next check is a new one, not the finished answer kept.
      await checkDatabase({ databaseUrl: urlOnPort(port), timeoutMs: TIMEOUT_MS });
      expect(sockets).toHaveLength(2);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("answers unavailable at the deadline when the server accepts the connection and never speaks (a hung database)", async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    const port = await findFreePort();
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
    try {
      const started = performance.now();
      expect(await checkDatabase({ databaseUrl: urlOnPort(port), timeoutMs: TIMEOUT_MS })).toEqual({ status: "unavailable" });
      const elapsed = performance.now() - started;
      expect(sockets.length, "the check reached the silent server").toBe(1);
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 1000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
