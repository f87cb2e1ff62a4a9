import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaPgReleasingBrokenTransactions } from "./pg-adapter";

/**
 * The app's one Prisma client (adapter-pg, pooled). Kept on globalThis so that Next's
 * dev server reloads do not open a new pool each time.
 */
const globalForPrisma = globalThis as unknown as { careerwikiPrisma?: PrismaClient };

function createPrismaClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  const adapter = new PrismaPgReleasingBrokenTransactions(
    { connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
    // An idle client losing its server (a database restart) must not crash the process.
    { onPoolError: (error) => console.error(`[db] pool error: ${error.message}`) },
  );
  return new PrismaClient({ adapter });
}

function getPrismaClient(): PrismaClient {
  globalForPrisma.careerwikiPrisma ??= createPrismaClient();
  return globalForPrisma.careerwikiPrisma;
}

/** Created on first use, so that importing this module (e.g. during `next build`) needs no database. */
export const prisma = new Proxy({} as PrismaClient, {
  get: (_target, property) => Reflect.get(getPrismaClient(), property),
});
