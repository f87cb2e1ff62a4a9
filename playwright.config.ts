import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./tests/support/e2e/chromium-launch";

// The suite runs against the e2e production build served by scripts/e2e-server.ts (Playwright
// starts it, and stops it at the end): it prints E2E_BASE_URL, E2E_DATABASE_URL and
// E2E_MAILBOX_DIR, which `wait` below copies into the environment of the test workers (which
// load this file again, so `baseURL` is the server's). With E2E_BASE_URL already set, the
// suite runs against that server instead and starts none. The browser and its flags:
// tests/support/e2e/chromium-launch.ts.

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `"${process.execPath}" --import tsx scripts/e2e-server.ts`,
        env: { NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: ".next-e2e" },
        wait: { stdout: /E2E_BASE_URL=(?<e2e_base_url>\S+)\nE2E_DATABASE_URL=(?<e2e_database_url>\S+)\nE2E_MAILBOX_DIR=(?<e2e_mailbox_dir>.+)\ne2e server ready/ },
        stdout: "pipe",
        // A first run makes the e2e build (a few minutes on a busy machine).
        timeout: 15 * 60_000,
        // SIGTERM lets the script drop its database, stop its PostgreSQL and remove the mailbox.
        gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
      },
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: [...chromiumArgs],
        },
      },
    },
  ],
});
