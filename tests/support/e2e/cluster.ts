import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "@/lib/db/find-free-port";
import { startFront, type RunningFront } from "@/scripts/lib/nginx-front";
import { openRedis, type RedisHandle } from "@/scripts/lib/redis-server";
import { createE2eDatabase } from "./e2e-datasets";
import { startProductionServer, type RunningServer } from "./production-server";
import { startSmtpCapture, type SmtpCapture } from "../smtp-capture";
import { databaseUrl, dropDatabase } from "../test-server";

export interface TestCluster {
  /** Where readers go: the front (http://localhost:PORT), which is also the site's address. */
  frontUrl: string;
  databaseUrl: string;
  /** The instances behind the front, each on 127.0.0.1 with a private copy of the e2e build. */
  instances: RunningServer[];
  front: RunningFront;
  /** Where the sign-in emails of this cluster are written (tests/support/smtp-capture.ts). */
  mailboxDir: string;
  stop(): Promise<void>;
}

/**
 * What `npm run start:cluster` runs, for the e2e specs: nginx with deploy/nginx/careerwiki.conf
 * (scripts/lib/nginx-front.ts) in front of `instanceCount` instances of the e2e build, against
 * a database of its own with the e2e fixtures on the suite's PostgreSQL, with a Redis and an
 * SMTP capture of its own. The instances believe forwarded headers from 127.0.0.1 only and
 * ask the front to refresh a role after a change, as start:cluster's do. `stop()` removes it all.
 */
export async function startTestCluster(name: string, instanceCount = 2): Promise<TestCluster> {
  const adminUrl = databaseUrl(process.env.E2E_DATABASE_URL!, "postgres");
  const database = `careerwiki_e2e_${name}`;
  const cleanups: (() => Promise<unknown>)[] = [() => dropDatabase(adminUrl, database)];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => console.error(error.message));
  };
  try {
    const url = await createE2eDatabase(adminUrl, database);
    const dir = await mkdtemp(path.join(os.tmpdir(), `careerwiki-cluster-${name}-`));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const smtp: SmtpCapture = await startSmtpCapture({ dir: path.join(dir, "mail") });
    cleanups.push(() => smtp.stop());
    const redis: RedisHandle = await openRedis({ privateServer: true });
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
      AUTH_SECRET: "e2e-secret-not-for-production",
      EMAIL_SERVER: smtp.url,
      EMAIL_FROM: "Careerwiki <no-reply@careerwiki.test>",
      SUBMISSIONS_PER_HOUR: "10000",
      RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR: "10000",
    };
    const instances: RunningServer[] = [];
    cleanups.push(() => Promise.all(instances.map((instance) => instance.stop())));
    instances.push(...(await Promise.all(Array.from({ length: instanceCount }, () => startProductionServer(url, { distDir: ".next-e2e", isolated: true, hostname: "127.0.0.1", env })))));
    const front = await startFront({ dir: path.join(dir, "nginx"), port, upstreams: instances.map((instance) => new URL(instance.baseUrl).host), refreshSecret });
    cleanups.push(async () => {
      await front.stop(2000);
      // What nginx complained of (a failing instance, a refused refresh), for a failed run's log.
      const errors = (await readFile(path.join(front.dir, "logs", "error.log"), "utf8").catch(() => "")).trim();
      if (errors) console.log(`nginx error log of the cluster "${name}":\n${errors.split("\n").slice(-20).join("\n")}`);
    });
    return { frontUrl, databaseUrl: url, instances, front, mailboxDir: path.join(dir, "mail"), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
