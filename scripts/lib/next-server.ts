import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { findFreePort } from "../../lib/db/find-free-port";

// Resolved from the project root, so that tsx (ESM) and Playwright (CommonJS) both load this file.
const require = createRequire(path.join(process.cwd(), "package.json"));
export const nextCli = path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

export interface StartProductionServerOptions {
  databaseUrl: string;
  /** The build to serve (default: NEXT_DIST_DIR, else `.next`). */
  distDir?: string;
  /** More environment for the server (secrets, SMTP, limits). */
  env?: Record<string, string>;
}

/**
 * `next start` of an existing production build on a free port; resolves once it answers.
 * Benchmarks use it, and tests that need an app instance of their own (a second instance
 * behind the same database, one whose database they restart).
 */
export async function startProductionServer({ databaseUrl, distDir, env = {} }: StartProductionServerOptions): Promise<RunningServer> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, [nextCli, "start", "--port", String(port), "--hostname", "localhost"], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(distDir ? { NEXT_DIST_DIR: distDir } : {}),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "local-instance-secret-not-for-production",
      AUTH_TRUST_HOST: "true",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://localhost:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("close", () => resolve());
      child.kill("SIGTERM");
    });
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/robots.txt`);
      if (response.ok) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`next start did not answer on ${baseUrl} within 60 s`);
}
