import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

// From the project root, not import.meta: Playwright loads this file as CommonJS (e2e/resilience).
const require = createRequire(path.join(process.cwd(), "package.json"));

/**
 * Applies the committed migrations (`prisma migrate deploy`) to `databaseUrl`, through
 * the wasm schema engine configured in prisma.config.ts; `signal` aborts it. The preload
 * stops Prisma's long timers from keeping the CLI alive for seconds after it is done.
 */
export async function migrateDatabase(databaseUrl: string, { signal }: { signal?: AbortSignal } = {}): Promise<void> {
  const prismaCli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
  const preload = path.resolve(process.cwd(), "prisma", "unref-timers.cjs");
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", preload, prismaCli, "migrate", "deploy"], {
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
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code}):\n${output.join("")}`);
}
