import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./database";

/**
 * For tests of code that uses the app's Prisma client (lib/db/prisma.ts): a fresh migrated
 * database for this test file (or another one `create` makes), set as DATABASE_URL before
 * the client's first use.
 */
export function useTestDatabase(create: () => Promise<TestDatabase> = () => createTestDatabase()): { readonly url: string } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await create();
    process.env.DATABASE_URL = database.url;
  }, 300_000);
  afterAll(async () => {
    const { prisma } = await import("@/lib/db/prisma");
    await prisma.$disconnect();
    await database?.drop();
  });
  return {
    get url() {
      if (!database) throw new Error("the test database exists only inside tests (after beforeAll)");
      return database.url;
    },
  };
}
