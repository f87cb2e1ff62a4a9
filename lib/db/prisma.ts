import "server-only";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaPgReleasingBrokenTransactions } from "./pg-adapter";
import { logger } from "@/lib/logging/logger.cjs";

/** pg_trgm's `%` threshold (default 0.3) for every connection of the app. */
const TYPO_SIMILARITY_THRESHOLD = 0.2;

/**
 * The app's one Prisma client (adapter-pg, pooled). Kept on globalThis so that Next's
 * dev server reloads do not open a new pool each time.
 */
const globalForPrisma = globalThis as unknown as { careerwikiPrisma?: PrismaClient };

function createPrismaClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  const primary = new PrismaClient({ adapter: createAdapter(connectionString) });
  const replicaUrl = process.env.DATABASE_REPLICA_URL;
  if (!replicaUrl) return primary;
  // A streaming replica (deploy/SCALING.md): Prisma's read-replica extension sends model reads
  // made outside a transaction to it, and every write, `$transaction` and raw query to the
  // primary. The extended client keeps PrismaClient's surface (plus `$primary()`/`$replica()`,
  // which the app does not use), so it stands in for it.
  const replica = new PrismaClient({ adapter: createAdapter(replicaUrl) });
  return primary.$extends(readReplicas({ replicas: [replica] })) as unknown as PrismaClient;
}

function createAdapter(connectionString: string) {
  return new PrismaPgReleasingBrokenTransactions(
    {
      connectionString,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // Per connection, so that search needs no transaction to set it: the trigram `%` lookup of
      // typo candidates (lib/roles/search-roles.ts) reaches swapped letters ("agnets" → "agents").
      options: `-c pg_trgm.similarity_threshold=${TYPO_SIMILARITY_THRESHOLD}`,
    },
    // An idle client losing its server (a database restart) must not crash the process.
    { onPoolError: (error) => logger.error({ component: "db" }, `pool error: ${error.message}`) },
  );
}

function getPrismaClient(): PrismaClient {
  globalForPrisma.careerwikiPrisma ??= createPrismaClient();
  return globalForPrisma.careerwikiPrisma;
}

/** Created on first use, so that importing this module (e.g. during `next build`) needs no database. */
export const prisma = new Proxy({} as PrismaClient, {
  get: (_target, property) => Reflect.get(getPrismaClient(), property),
});
