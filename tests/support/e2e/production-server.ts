import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { findFreePort } from "@/lib/db/find-free-port";
import { withForwardedHeadersPreload } from "@/lib/security/forwarded-headers.cjs";
import { siteUrl } from "@/lib/site-url.cjs";
import { nextCli } from "@/scripts/lib/package-file";

export interface StartProductionServerOptions {
  /** The build to serve (next.config.js reads NEXT_DIST_DIR): `.next` (default) or `.next-e2e`. */
  distDir?: string;
  /**
   * Serve a private copy of the build, removed on stop. Pages rendered on demand are written
   * into the build's folder: a server against a scratch database (or another site URL) must
   * not leave its pages where another server (the e2e suite's, `npm start`'s) would serve
   * them, nor serve theirs.
   */
  isolated?: boolean;
  /** The address it listens on (localhost); a cache front in front of it names 127.0.0.1. */
  hostname?: string;
  /** More environment for the server (limits, pool size, SITE_URL, TRUSTED_PROXY). */
  env?: Record<string, string>;
  /** Each line the server prints; without it, its stderr goes to ours and its stdout is dropped. */
  onOutput?: (line: string) => void;
}

export interface RunningServer {
  baseUrl: string;
  /** The build folder it serves (a private copy when `isolated`), where Next writes its caches. */
  distDir: string;
  /** The `next start` process, to check that it is still the same one serving. */
  pid: number;
  /** The exit code once the process has ended, else null. */
  exitCode(): number | null;
  stop(): Promise<void>;
}

/** `next start` of a production build on a free port against `databaseUrl`; resolves once it answers. */
export async function startProductionServer(databaseUrl: string, options: StartProductionServerOptions = {}): Promise<RunningServer> {
  const sourceDir = options.distDir ?? ".next";
  if (!existsSync(path.join(sourceDir, "BUILD_ID"))) throw new Error(`${sourceDir} holds no production build`);
  // Inside .data (git-ignored): distDir must be a path relative to the project.
  const distDir = options.isolated ? path.join(".data", "builds", `${path.basename(sourceDir).replace(/^\./, "")}-${process.pid}-${randomUUID()}`) : sourceDir;
  // The build cache (cache/) is only needed by `next build`; pages another server rendered at
  // run time (server/route-cache/) came from its database and its site URL.
  const leftOut = new Set([path.join(sourceDir, "cache"), path.join(sourceDir, "server", "route-cache")]);
  if (options.isolated) await cp(sourceDir, distDir, { recursive: true, filter: (source) => !leftOut.has(source) });
  const port = await findFreePort();
  const hostname = options.hostname ?? "localhost";
  const child: ChildProcess = spawn(process.execPath, [nextCli, "start", "--port", String(port), "--hostname", hostname], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      DATABASE_URL: databaseUrl,
      // As systemd's careerwiki@PORT: the app's own port (the cache front refreshes through it).
      PORT: String(port),
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production",
      ...options.env,
      // As npm start: the site is this port on localhost unless options.env names another
      // (SITE_URL); forwarded headers are normalised by the preload (TRUSTED_PROXY in options.env).
      AUTH_URL: siteUrl({ PORT: String(port), ...options.env }),
      NODE_OPTIONS: withForwardedHeadersPreload(process.env.NODE_OPTIONS),
    },
    stdio: ["ignore", options.onOutput ? "pipe" : "ignore", options.onOutput ? "pipe" : "inherit"],
  });
  if (options.onOutput) {
    const onOutput = options.onOutput;
    const forward = (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).forEach(onOutput);
    child.stdout?.on("data", forward);
    child.stderr?.on("data", forward);
  }
  const baseUrl = `http://${hostname}:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once("close", () => resolve());
        child.kill("SIGTERM");
        // Next waits for open requests; a server under load may take long to drain.
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      });
    }
    if (options.isolated) await rm(distDir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(`${baseUrl}/robots.txt`);
      if (response.ok) return { baseUrl, distDir, pid: child.pid!, exitCode: () => child.exitCode ?? (child.signalCode ? 1 : null), stop };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`next start did not answer on ${baseUrl} within 60 s`);
}
