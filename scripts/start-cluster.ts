// npm run start:cluster: the production set on one machine. The database (embedded
// PostgreSQL unless DATABASE_URL), migrated, imported when empty and built when missing as
// `npm start` does (scripts/lib/prepare-app.ts); Redis (REDIS_URL, else the machine's on
// 6379, else a redis-server of its own); N app instances (`--instances N`, 2) of `next start`
// on free ports of 127.0.0.1, believing forwarded headers from 127.0.0.1 only; and nginx on
// PORT (3000) with deploy/nginx/careerwiki.conf rendered into .data/cluster/nginx
// (scripts/lib/nginx-front.ts), which a health watcher keeps to the instances that pass
// GET /api/health (scripts/lib/instance-health.ts). Ctrl-C or SIGTERM stops all of it within 10 s: nginx first
// (it finishes what it is sending), the instances (they drain), Redis, the database last.
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { findFreePort } from "@/lib/db/find-free-port";
import { LOCAL_DATA_DIR } from "@/lib/db/local-database";
import { siteUrl } from "@/lib/site-url.cjs";
import { exitWithUsage, parseCommandArgs } from "./lib/command-args";
import { applyToUpstreamFile, watchInstanceHealth, type HealthWatch } from "./lib/instance-health";
import { findNginx, startFront, type RunningFront } from "./lib/nginx-front";
import { nextCli } from "./lib/package-file";
import { appServerEnv, checkProductionSecrets, claimStartOrExit, hasProductionBuild, openServedDatabase, prepareDatabase } from "./lib/prepare-app";
import { describeExit, exitCodeOf, exitCodeOfSignal, sleep, spawnGroup, watchParent, type GroupProcess } from "./lib/process-group";
import { openRedis, type RedisHandle } from "./lib/redis-server";

/** Exit codes beyond a signal's 128 + n, as `npm start`'s. */
const CLUSTER_EXIT = { FAILED: 1, ALREADY_RUNNING: 3, APP_SERVER_EXITED: 4, DATABASE_LOST: 5 } as const;
const SHUTDOWN_DEADLINE_MS = 9_000;
const FRONT_DRAIN_MS = 2_000;
const APP_DRAIN_MS = 5_000;
const FRONT_DIR = path.join(LOCAL_DATA_DIR, "cluster", "nginx");

type Stop = { signal: NodeJS.Signals } | { code: number; message: string };

const parsedArgs = parseCommandArgs(process.argv.slice(2), { instances: { type: "string", default: "2" } }, "Usage: npm run start:cluster -- [--instances N]   (PORT=... for another port)");
if (!parsedArgs.ok) exitWithUsage(parsedArgs.errors);
const options = parsedArgs.values;
const instanceCount = Number(options.instances);
const port = Number(process.env.PORT ?? 3000);
/** The site is the front: links, origin checks and Auth.js all name it, never an instance. */
const appUrl = siteUrl({ ...process.env, PORT: String(port) });
const aborted = new AbortController();
let stopping = false;
let database: EmbeddedPostgres | null = null;
let redis: RedisHandle | null = null;
let build: GroupProcess | null = null;
const instances: GroupProcess[] = [];
let front: RunningFront | null = null;
let health: HealthWatch | null = null;
let releaseLock = () => {};

async function main() {
  checkProductionSecrets();
  if (!Number.isInteger(instanceCount) || instanceCount < 1 || instanceCount > 32) {
    console.error(`--instances must be a whole number from 1 to 32, not ${JSON.stringify(options.instances)}.`);
    process.exit(CLUSTER_EXIT.FAILED);
  }
  try {
    findNginx();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(CLUSTER_EXIT.FAILED);
  }
  releaseLock = await claimStartOrExit(appUrl, CLUSTER_EXIT.ALREADY_RUNNING);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown({ signal }));
  watchParent(() => void shutdown({ signal: "SIGTERM" }));

  const opened = await openServedDatabase();
  database = opened.embedded;
  if (stopping) return;
  void database?.exited.then(() => {
    if (!stopping) void shutdown({ code: CLUSTER_EXIT.DATABASE_LOST, message: `Embedded PostgreSQL exited unexpectedly: stopping the cluster. Exit code ${CLUSTER_EXIT.DATABASE_LOST}.` });
  });
  const databaseUrl = opened.url;
  // Redis before the import: an import revalidates the cached pages of the instances in Redis
  // (revalidateAllPages reads REDIS_URL), not Next's cache on disk that no instance here reads.
  redis = await openRedis();
  console.log(`Redis: ${redis.kind === "configured" ? "REDIS_URL" : redis.kind === "machine" ? "the machine's, on 127.0.0.1:6379" : `started on ${redis.url}`}`);
  process.env.REDIS_URL = redis.url;
  if (stopping) return;
  await prepareDatabase(databaseUrl, { signal: aborted.signal, stopping: () => stopping });
  if (stopping) return;

  const refreshSecret = randomBytes(24).toString("base64url");
  const env: NodeJS.ProcessEnv = {
    ...(await appServerEnv(databaseUrl, appUrl)),
    REDIS_URL: redis.url,
    // The front sets X-Forwarded-For/-Proto/-Host itself; the instances believe them from it only.
    TRUSTED_PROXY: "127.0.0.1",
    // After a change, an instance asks the front to fetch the role's pages again (lib/cache/refresh-front.ts).
    CACHE_REFRESH_URL: `http://127.0.0.1:${port}`,
    CACHE_REFRESH_SECRET: refreshSecret,
  };
  if (!hasProductionBuild()) {
    console.log("No production build yet: running `next build` (about a minute).");
    build = spawnGroup(process.execPath, [nextCli, "build"], { env });
    const built = await build.exited;
    build = null;
    if (stopping) return;
    if (exitCodeOf(built) !== 0) return shutdown({ code: exitCodeOf(built), message: `next build failed (${describeExit(built)}).` });
  }

  const upstreams: string[] = [];
  for (let index = 1; index <= instanceCount && !stopping; index++) {
    const instancePort = await findFreePort();
    const instance = spawnGroup(process.execPath, [nextCli, "start", "--port", String(instancePort), "--hostname", "127.0.0.1"], { env: { ...env, PORT: String(instancePort) } });
    instances.push(instance);
    upstreams.push(`127.0.0.1:${instancePort}`);
    void instance.exited.then((status) => {
      if (!stopping) void shutdown({ code: CLUSTER_EXIT.APP_SERVER_EXITED, message: `Instance ${index} (port ${instancePort}) exited by itself (${describeExit(status)}): stopping the cluster. Exit code ${CLUSTER_EXIT.APP_SERVER_EXITED}.` });
    });
  }
  await Promise.all(upstreams.map((address) => waitForInstance(address)));
  if (stopping) return;
  front = await startFront({ dir: FRONT_DIR, port, upstreams, refreshSecret });
  void front.exited.then((status) => {
    if (!stopping) void shutdown({ code: CLUSTER_EXIT.APP_SERVER_EXITED, message: `nginx exited by itself (${describeExit(status)}): stopping the cluster.` });
  });
  health = watchInstanceHealth({ addresses: upstreams, apply: applyToUpstreamFile(front.upstreamFile, front.reload), log: (message) => console.log(message) });
  console.log(`Serving on ${appUrl}: nginx (cache front, ${path.relative(process.cwd(), FRONT_DIR)}) in front of ${instanceCount} instance${instanceCount === 1 ? "" : "s"} (${upstreams.join(", ")})`);
}

/** An instance is ready when it answers; it exits by itself (caught above) if it cannot start. */
async function waitForInstance(address: string) {
  for (const deadline = Date.now() + 120_000; !stopping; await sleep(250)) {
    try {
      if ((await fetch(`http://${address}/robots.txt`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The instance on ${address} did not answer within 2 minutes.`);
  }
}

/** nginx first, then the instances (they drain), Redis, the database; a deadline kills what is left. */
async function shutdown(stop: Stop) {
  if (stopping) return;
  stopping = true;
  aborted.abort();
  const code = "signal" in stop ? exitCodeOfSignal(stop.signal) : stop.code;
  console.error("signal" in stop ? `${stop.signal}: stopping the cluster (nginx, the instances, Redis, the database).` : stop.message);
  const deadline = setTimeout(() => {
    console.error(`Still stopping after ${SHUTDOWN_DEADLINE_MS / 1000} s: killing what is left.`);
    for (const group of [front, build, ...instances]) group?.kill();
    database?.kill();
    exit(code);
  }, SHUTDOWN_DEADLINE_MS);
  // The front stops too: no instance need be put back in it.
  await health?.stop({ restore: false });
  // SIGQUIT: nginx's graceful stop (it stops listening and finishes the answers under way).
  await front?.stop(FRONT_DRAIN_MS, "SIGQUIT");
  await Promise.all([build, ...instances].map((group) => group?.stop(APP_DRAIN_MS)));
  await redis?.stop();
  await database?.stop().catch((error: Error) => console.error(`Stopping the database: ${error.message}`));
  clearTimeout(deadline);
  exit(code);
}

function exit(code: number): never {
  releaseLock();
  process.exit(code);
}

main().catch((error: Error) => {
  if (stopping) return;
  void shutdown({ code: CLUSTER_EXIT.FAILED, message: error.message });
});
