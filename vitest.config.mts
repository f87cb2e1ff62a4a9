import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects, told apart by the file name: `*.integration.test.ts` needs PostgreSQL (the
// global setup starts one and a migrated template every test database copies), every other
// `*.test.ts` is a unit test and runs with no database at all.
// `npm run test:unit`, `npm run test:integration`; `npx vitest run <file>` picks the project by name.
const INTEGRATION = "**/*.integration.test.ts";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; lib code is plain Node here.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".next-e2e/**", ".data/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // next-auth imports "next/server" without an extension (fine in Next's bundler, not in
    // Node's ESM loader): let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["node_modules/**", "e2e/**", ".next/**", ".next-e2e/**", ".data/**", INTEGRATION],
          // A unit test that reaches for a database fails at once instead of finding one.
          env: { DATABASE_URL: "postgresql://unit-tests-have-no-database@127.0.0.1:1/none" },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: [INTEGRATION],
          globalSetup: ["tests/support/integration/vitest-global-setup.ts"],
          // Vitest's default is one worker less than the cores: one file at a time on a 2-core CI
          // machine, where these files mostly wait on PostgreSQL, child processes and timers.
          // Three at once took the part from 327 s to 186 s on this machine (each file has its own database).
          maxWorkers: 3,
        },
      },
    ],
  },
});
