import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

// From the project root, not import.meta: Playwright loads this file as CommonJS (e2e/resilience).
const require = createRequire(path.join(process.cwd(), "package.json"));

/**
 * Applies the committed migrations (`prisma migrate deploy`) to `databaseUrl`, through
 * the wasm schema engine configured in prisma.config.ts; `signal` aborts it.
 */
export async function migrateDatabase(databaseUrl: string, { signal }: { signal?: AbortSignal } = {}): Promise<void> {
  const { code, output } = await runPrismaMigrate("deploy", databaseUrl, signal);
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`);
}

/**
 * `prisma migrate status`: whether `databaseUrl` has exactly the committed migrations
 * applied (`upToDate`), with Prisma's report from "N migrations found" on (pending, failed
 * or unknown migrations), without its preamble about the config.
 */
export async function checkMigrationStatus(databaseUrl: string): Promise<{ upToDate: boolean; report: string }> {
  const { code, output } = await runPrismaMigrate("status", databaseUrl);
  const found = output.search(/^\d+ migrations? found/m);
  return { upToDate: code === 0, report: (found >= 0 ? output.slice(found) : output).trim() };
}

/** The Prisma CLI, with a preload that stops its long timers keeping it alive for seconds after it is done. */
async function runPrismaMigrate(command: "deploy" | "status", databaseUrl: string, signal?: AbortSignal): Promise<{ code: number | null; output: string }> {
  const prismaCli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
  const preload = path.resolve(process.cwd(), "prisma", "unref-timers.cjs");
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", preload, prismaCli, "migrate", command], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      // A shutdown while migrating: the CLI goes at once (its transaction is rolled back).
      signal,
      killSignal: "SIGKILL",
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", reject);
    child.on("close", resolve);
  });
  return { code, output: output.join("") };
}
