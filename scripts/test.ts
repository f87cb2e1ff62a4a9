// npm test: the whole suite, in the order the tools cannot give by themselves: typecheck →
// lint → unit tests (vitest project `unit`, no database) → integration tests (vitest project
// `integration`, real PostgreSQL) → production build (run beside them: below) → end-to-end tests (Playwright, which
// starts the app itself: scripts/e2e-server.ts). Ends with one line of counts.
// While developing: `npm test -- --only unit|integration|e2e` runs one part; with
// `--only`, file filters are passed on (`npm test -- --only e2e e2e/reader`)
// and `--reuse-build` skips `next build` when `.next-e2e` already holds one.
// In the whole suite the build runs beside lint and the vitest parts (its output kept in
// test-results/next-build.log and printed when the e2e part starts): those use mostly one of
// CI's two cores, the build the other. It starts after the typecheck, which reads the build's
// type files (tsconfig.json includes .next-e2e/types).
import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { exitWithUsage, parseCommandArgs } from "./lib/command-args";
import { nextCli, packageFile } from "./lib/package-file";
import { run } from "./lib/run";

// The e2e build goes to its own folder (next.config.ts): never mixed with `npm start`'s.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: ".next-e2e" };
const counts = { passed: 0, failed: 0, skipped: 0 };
const PARTS = ["unit", "integration", "e2e"] as const;

async function step(name: string, command: string, args: string[]) {
  console.log(`\n▶ ${name}`);
  const code = await run(command, args, { env });
  if (code !== 0) throw new Error(`${name} failed (exit ${code})`);
}

async function runVitestProject(project: "unit" | "integration", fileFilters: string[] = []) {
  console.log(`\n▶ ${project} tests (vitest)`);
  const reportFile = `test-results/vitest-${project}.json`;
  await rm(reportFile, { force: true }); // a report left by an earlier run must not be counted
  const code = await run(process.execPath, [packageFile("vitest", "vitest.mjs"), "run", "--project", project, ...fileFilters, "--reporter=default", "--reporter=json", `--outputFile=${reportFile}`], { env });
  const report = JSON.parse(await readFile(reportFile, "utf8").catch(() => "{}")) as { numPassedTests?: number; numFailedTests?: number; numFailedTestSuites?: number; numPendingTests?: number };
  counts.passed += report.numPassedTests ?? 0;
  // A file that fails before its tests run (a beforeAll) has no failed test: count failed files too, and a failed run as one at least.
  counts.failed += Math.max(report.numFailedTests ?? 0, report.numFailedTestSuites ?? 0, code === 0 ? 0 : 1);
  counts.skipped += report.numPendingTests ?? 0;
  if (code !== 0) throw new Error(`${project} tests failed`);
}

const BUILD_LOG = "test-results/next-build.log";

/** `next build` in the background, its output to BUILD_LOG; `done` is its exit code (1 when stopped, or when it could not start). */
function startBackgroundBuild(): { done: Promise<number>; stop: () => void } {
  mkdirSync(path.dirname(BUILD_LOG), { recursive: true });
  const log = openSync(BUILD_LOG, "w");
  const abort = new AbortController();
  const done = run(process.execPath, [nextCli, "build"], { env, stdio: ["ignore", log, log], signal: abort.signal })
    .catch(() => 1)
    .finally(() => closeSync(log));
  return { done, stop: () => abort.abort() };
}

async function runEndToEndTests({ specFilters = [] as string[], reuseBuild = false, backgroundBuild = null as Promise<number> | null } = {}) {
  if (backgroundBuild) {
    console.log("\n▶ production build (next build, run beside the steps above)");
    const code = await backgroundBuild;
    console.log(await readFile(BUILD_LOG, "utf8"));
    if (code !== 0) throw new Error(`production build (next build) failed (exit ${code})`);
  } else if (reuseBuild && existsSync(path.join(".next-e2e", "BUILD_ID"))) console.log("\n▶ production build: reusing .next-e2e (--reuse-build)");
  else await step("production build (next build)", process.execPath, [nextCli, "build"]);
  console.log("\n▶ end-to-end tests (Playwright)");
  await rm("test-results/e2e.json", { force: true });
  const code = await run(process.execPath, [packageFile("@playwright/test", "cli.js"), "test", ...specFilters], { env });
  const report = JSON.parse(await readFile("test-results/e2e.json", "utf8").catch(() => "{}")) as { stats?: { expected?: number; unexpected?: number; skipped?: number; flaky?: number } };
  counts.passed += (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
  counts.failed += Math.max(report.stats?.unexpected ?? 0, code === 0 ? 0 : 1);
  counts.skipped += report.stats?.skipped ?? 0;
  if (code !== 0) throw new Error("Playwright failed");
}

async function main() {
  const parsed = parseCommandArgs(process.argv.slice(2), { only: { type: "string" }, "reuse-build": { type: "boolean" } }, `Usage: npm test -- [--only ${PARTS.join("|")} [--reuse-build] [FILE FILTERS...]]`, { allowPositionals: true });
  if (!parsed.ok) exitWithUsage(parsed.errors);
  const { values, positionals } = parsed;
  const only = values.only;
  if (only !== undefined && !PARTS.some((part) => part === only)) {
    exitWithUsage([`--only takes one of ${PARTS.join(", ")} (got "${only}")`]);
  }
  const started = performance.now();
  let failed = false;
  let build: ReturnType<typeof startBackgroundBuild> | null = null;
  try {
    if (!only) {
      await step("typecheck (tsc)", process.execPath, [packageFile("typescript", "bin", "tsc"), "--noEmit"]);
      build = startBackgroundBuild();
      await step("lint (eslint)", process.execPath, [packageFile("eslint", "bin", "eslint.js"), "--max-warnings", "0", "."]);
    }
    if (!only || only === "unit") await runVitestProject("unit", positionals);
    if (!only || only === "integration") await runVitestProject("integration", positionals);
    if (!only || only === "e2e") await runEndToEndTests({ specFilters: positionals, reuseBuild: values["reuse-build"] ?? false, backgroundBuild: build?.done ?? null });
  } catch (error) {
    console.error(`\n✖ ${(error as Error).message}`);
    failed = true;
    build?.stop();
  }
  console.log(`\nnpm test finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  process.exit(failed || counts.failed > 0 ? 1 : 0);
}

void main();
