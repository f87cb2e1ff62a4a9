import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";

type PgTransactionInternals = { client: pg.PoolClient; cleanup?: () => void };

/**
 * Prisma's pg driver adapter, except that a transaction whose COMMIT or ROLLBACK fails gives
 * its connection back to the pool as broken (`release(error)`: the pool closes it).
 *
 * Prisma 6.19.3 releases a transaction's connection only after a successful COMMIT or
 * ROLLBACK. A transaction cut off by a database restart (57P01, "Connection terminated")
 * therefore kept its pool slot for ever: once DATABASE_POOL_SIZE of them had piled up, every
 * query waited for a connection that never came, and the app did not recover without a
 * restart of Node (found by e2e/resilience/database-restart.spec.ts; lib/db/pg-adapter.integration.test.ts).
 */
export class PrismaPgReleasingBrokenTransactions extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      const executeRaw = transaction.executeRaw.bind(transaction);
      transaction.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (query.sql === "COMMIT" || query.sql === "ROLLBACK") {
            // Prisma will not call commit()/rollback() (which release) after this failure.
            const { client, cleanup } = transaction as unknown as PgTransactionInternals;
            cleanup?.();
            client.release(error instanceof Error ? error : new Error(String(error)));
          }
          throw error;
        }
      };
      return transaction;
    };
    return adapter;
  }
}
