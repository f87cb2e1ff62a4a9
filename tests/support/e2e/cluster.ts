import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "@/lib/db/find-free-port";
import { applyToUpstreamFile, watchInstanceHealth, type HealthWatch } from "@/scripts/lib/instance-health";
import { startFront, type RunningFront } from "@/scripts/lib/nginx-front";
import { openRedis } from "@/scripts/lib/redis-server";
import { createE2eDatabase } from "./e2e-datasets";
import { startProductionServer, type RunningServer } from "./production-server";
import { startSmtpCapture } from "../smtp-capture";
import { databaseUrl, dropDatabase } from "../test-server";

export interface RunningCluster {
  /** Where readers go: the front (http://localhost:PORT), which is also the site's address. */
  frontUrl: string;
  /** The instances behind the front, each on 127.0.0.1 with a private copy of the build. */
  instances: RunningServer[];
  front: RunningFront;
  /** The health watcher that keeps the front to the instances passing GET /api/health. */
  health: HealthWatch;
  /** What the watcher said (an instance taken out, back in). */
  healthLog: string[];
  stop(): Promise<void>;
}

export interface StartClusterOptions {
  databaseUrl: string;
  /** The build the instances serve (`.next-e2e` for the specs, `.next` for the benchmark). */
  distDir: string;
  instanceCount?: number;
  /** More environment for the instances (EMAIL_SERVER, limits). */
  env?: Record<string, string>;
  /** The database URL of instance `index` (from 0), when one must reach it another way (through a proxy the test can cut). */
  instanceDatabaseUrl?: (index: number, databaseUrl: string) => string;
  /** Between the health watcher's rounds of checks (2 s, as start:cluster). */
  healthIntervalMs?: number;
  /** More server blocks for nginx (the benchmark's static file). */
  extraServers?: string;
}

/**
 * What `npm run start:cluster` runs, for tests and benchmarks: nginx with
 * deploy/nginx/careerwiki.conf (scripts/lib/nginx-front.ts) in front of `instanceCount`
 * instances of a build against `databaseUrl`, with a Redis of its own. The instances believe
 * forwarded headers from 127.0.0.1 only and ask the front to refresh a role after a change,
 * as start:cluster's do. `stop()` stops and removes it all.
 */
export async function startCluster(options: StartClusterOptions): Promise<RunningCluster> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => console.error(error.message));
  };
  try {
    const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-cluster-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const redis = await openRedis({ privateServer: true });
    cleanups.push(() => redis.stop());
    const port = await findFreePort();
    const frontUrl = `http://localhost:${port}`;
    const refreshSecret = randomBytes(24).toString("base64url");
    const env = {
      SITE_URL: frontUrl,
      TRUSTED_PROXY: "127.0.0.1",
      REDIS_URL: redis.url,
      CACHE_REFRESH_URL: `http://127.0.0.1:${port}`,
      CACHE_REFRESH_SECRET: refreshSecret,
      ...options.env,
    };
    const instances: RunningServer[] = [];
    cleanups.push(() => Promise.all(instances.map((instance) => instance.stop())));
    const starting = Array.from({ length: options.instanceCount ?? 2 }, (_, index) => startProductionServer(options.instanceDatabaseUrl?.(index, options.databaseUrl) ?? options.databaseUrl, { distDir: options.distDir, isolated: true, hostname: "127.0.0.1", env }));
    for (const started of await Promise.allSettled(starting)) if (started.status === "fulfilled") instances.push(started.value);
    if (instances.length < starting.length) throw new Error("An instance of the cluster did not start.");
    const front = await startFront({ dir: path.join(dir, "nginx"), port, upstreams: instances.map((instance) => new URL(instance.baseUrl).host), refreshSecret, extraServers: options.extraServers });
    cleanups.push(async () => {
      await front.stop(2000);
      // What nginx complained of (a failing instance, a refused refresh), for a failed run's log.
      const errors = (await readFile(path.join(front.dir, "logs", "error.log"), "utf8").catch(() => "")).trim();
      if (errors) console.log(`nginx error log of the cluster on ${frontUrl}:\n${errors.split("\n").slice(-20).join("\n")}`);
    });
    const healthLog: string[] = [];
    const health = watchInstanceHealth({ addresses: instances.map((instance) => new URL(instance.baseUrl).host), intervalMs: options.healthIntervalMs, apply: applyToUpstreamFile(front.upstreamFile, front.reload), log: (message) => healthLog.push(message) });
    cleanups.push(() => health.stop({ restore: false }));
    return { frontUrl, instances, front, health, healthLog, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface TestCluster extends RunningCluster {
  databaseUrl: string;
  /** Where the sign-in emails of this cluster are written (tests/support/smtp-capture.ts). */
  mailboxDir: string;
}

/**
 * For the e2e specs: a cluster of the e2e build on a database of its own with the e2e
 * fixtures (on the suite's PostgreSQL), sending its emails to an SMTP capture of its own.
 */
export async function startTestCluster(name: string, options: Pick<StartClusterOptions, "instanceDatabaseUrl" | "healthIntervalMs"> = {}): Promise<TestCluster> {
  const adminUrl = databaseUrl(process.env.E2E_DATABASE_URL!, "postgres");
  const database = `careerwiki_e2e_${name}`;
  const url = await createE2eDatabase(adminUrl, database);
  const mailboxDir = await mkdtemp(path.join(os.tmpdir(), `careerwiki-cluster-mail-`));
  const smtp = await startSmtpCapture({ dir: mailboxDir });
  const removeAll = async () => {
    await smtp.stop();
    await rm(mailboxDir, { recursive: true, force: true });
    await dropDatabase(adminUrl, database);
  };
  try {
    const cluster = await startCluster({
      ...options,
      databaseUrl: url,
      distDir: ".next-e2e",
      env: {
        AUTH_SECRET: "e2e-secret-not-for-production",
        EMAIL_SERVER: smtp.url,
        EMAIL_FROM: "Careerwiki <no-reply@careerwiki.test>",
        SUBMISSIONS_PER_HOUR: "10000",
        RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR: "10000",
      },
    });
    return {
      ...cluster,
      databaseUrl: url,
      mailboxDir,
      async stop() {
        await cluster.stop();
        await removeAll();
      },
    };
  } catch (error) {
    await removeAll();
    throw error;
  }
}
