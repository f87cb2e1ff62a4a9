import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { PrismaPgReleasingBrokenTransactions } from "./pg-adapter";

// A PostgreSQL of this file's own, restarted on the same port while a transaction is open.
const dataDir = path.resolve(".data", `pg-adapter-test-${process.pid}`);
let server: EmbeddedPostgres;

beforeAll(async () => {
  server = await startEmbeddedPostgres({ dataDir, database: "adapter", notify: () => {} });
});

afterAll(async () => {
  await server?.stop();
  for (const dir of new Set([dataDir, server?.dataDir])) {
    if (!dir) continue;
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.password`, { force: true });
  }
});

const withinSeconds = <T>(promise: Promise<T>, seconds: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000))]);

describe("PrismaPgReleasingBrokenTransactions", () => {
  it("gives back the connection of a transaction cut off by a database restart, so the pool recovers", async () => {
    // One connection: a transaction that kept its slot would leave nothing for later queries.
    const prisma = new PrismaClient({ adapter: new PrismaPgReleasingBrokenTransactions({ connectionString: server.url, max: 1 }, { onPoolError: () => {} }) });
    try {
      expect(await prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      const cutOff = prisma.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(5)`).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await server.stop();
      expect(String((await cutOff as Error).message)).toMatch(/57P01|terminat/);
      server = await startEmbeddedPostgres({ dataDir, database: "adapter", port: server.port, notify: () => {} });
      expect(await withinSeconds(prisma.$queryRaw`SELECT 2 AS two`, 10)).toEqual([{ two: 2 }]);
      expect(await withinSeconds(prisma.$transaction((tx) => tx.$queryRaw`SELECT 3 AS three`), 10)).toEqual([{ three: 3 }]);
    } finally {
      await prisma.$disconnect();
    }
  });
});
