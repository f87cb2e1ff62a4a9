// npm start: the whole app from a fresh clone. Database up (embedded PostgreSQL unless
// DATABASE_URL is set), migrations applied, official data imported when the database has
// no occupations, production build made when missing, then `next start` on PORT (3000).
//
// It supervises what it started. One start per folder (.data/start.json); operator commands
// join its embedded PostgreSQL and never stop it. On SIGTERM/SIGINT/SIGHUP (or when its
// parent goes away) it stops within 10 s in every state: next-server first (it stops taking
// requests and drains), the database last, each process group escalated to SIGKILL after a
// deadline. If the database dies it is started again on the same port; if next-server dies
// the database is stopped and the exit code says so.
import type { EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { siteUrl } from "@/lib/site-url.cjs";
import { appServerEnv, checkProductionSecrets, claimStartOrExit, hasProductionBuild, openServedDatabase, prepareDatabase, startLocalEmbeddedPostgres } from "./lib/prepare-app";
import { describeExit, exitCodeOf, exitCodeOfSignal, sleep, spawnGroup, watchParent, type GroupProcess } from "./lib/process-group";
import { nextCli } from "./lib/package-file";
import { describeFailure } from "./lib/run";

/** Exit codes beyond a signal's 128 + n (README, "Running it"). */
const START_EXIT = { FAILED: 1, ALREADY_RUNNING: 3, APP_SERVER_EXITED: 4, DATABASE_LOST: 5 } as const;
/** Everything is stopped within this, whatever state the start is in. */
const SHUTDOWN_DEADLINE_MS = 9_000;
/** How long next-server may drain in-flight requests before its group is killed. */
const APP_DRAIN_MS = 5_000;
const DATABASE_RESTART_ATTEMPTS = 5;
/**
 * Tests only: a script run with `node` instead of `next start` (no build needed), to test
 * this supervisor against a real embedded database in seconds. It gets PORT and DATABASE_URL.
 */
const TEST_APP_SERVER = process.env.CAREERWIKI_TEST_APP_SERVER;

type Stop = { signal: NodeJS.Signals } | { code: number; message: string };

const port = process.env.PORT ?? "3000";
/** Where next-server listens: this machine only, unless LISTEN_HOST says otherwise (0.0.0.0: every interface). */
const listenHost = process.env.LISTEN_HOST || "127.0.0.1";
/** Where this app is reached: the configured site URL (SITE_URL, else AUTH_URL), else this port on localhost. */
const appUrl = siteUrl({ ...process.env, PORT: port });
const aborted = new AbortController();
let stopping = false;
let database: EmbeddedPostgres | null = null;
let databaseRestart: Promise<void> | null = null;
/** The build, then next-server: the one child running at a time. */
let child: GroupProcess | null = null;
let releaseLock = () => {};

async function main() {
  checkProductionSecrets();
  releaseLock = await claimStartOrExit(appUrl, START_EXIT.ALREADY_RUNNING);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown({ signal }));
  watchParent(() => void shutdown({ signal: "SIGTERM" }));

  const opened = await openServedDatabase();
  database = opened.embedded;
  if (stopping) return;
  if (database) watchDatabase(database);
  const databaseUrl = opened.url;

  await prepareDatabase(databaseUrl, { signal: aborted.signal, stopping: () => stopping });

  const env = await appServerEnv(databaseUrl, appUrl);
  if (!TEST_APP_SERVER && !hasProductionBuild()) {
    if (stopping) return;
    console.log("No production build yet: running `next build` (about a minute).");
    child = spawnGroup(process.execPath, [nextCli, "build"], { env });
    const built = await child.exited;
    if (stopping) return;
    if (exitCodeOf(built) !== 0) return shutdown({ code: exitCodeOf(built), message: `next build failed (${describeExit(built)}).` });
  }
  if (stopping) return;
  const appServer = TEST_APP_SERVER ? spawnGroup(process.execPath, [TEST_APP_SERVER], { env: { ...env, PORT: port } }) : spawnGroup(process.execPath, [nextCli, "start", "--port", port, "--hostname", listenHost], { env });
  child = appServer;
  console.log(`Serving on ${appUrl}`);
  const status = await appServer.exited;
  if (!stopping) await shutdown({ code: START_EXIT.APP_SERVER_EXITED, message: `next-server exited by itself (${describeExit(status)}): stopping the database. Exit code ${START_EXIT.APP_SERVER_EXITED}.` });
}

/**
 * The one way out once started: stop the child (the app drains), then the database, then
 * exit. A deadline kills whatever is left, so a hung step cannot keep the process alive.
 */
async function shutdown(stop: Stop) {
  if (stopping) return;
  stopping = true;
  aborted.abort();
  const code = "signal" in stop ? exitCodeOfSignal(stop.signal) : stop.code;
  console.error("signal" in stop ? `${stop.signal}: stopping (the app drains first, the database stops last).` : stop.message);
  const deadline = setTimeout(() => {
    console.error(`Still stopping after ${SHUTDOWN_DEADLINE_MS / 1000} s: killing what is left.`);
    child?.kill();
    database?.kill();
    exit(code);
  }, SHUTDOWN_DEADLINE_MS);
  await child?.stop(APP_DRAIN_MS);
  await Promise.race([databaseRestart, sleep(3000)]);
  await database?.stop().catch((error: Error) => console.error(`Stopping the database: ${error.message}`));
  clearTimeout(deadline);
  exit(code);
}

function exit(code: number): never {
  releaseLock();
  process.exit(code);
}

/** The embedded database died under us: start it again where the app expects it. */
function watchDatabase(server: EmbeddedPostgres) {
  void server.exited.then(() => {
    if (stopping || server !== database) return;
    console.error(`Embedded PostgreSQL exited unexpectedly: starting it again on port ${server.port}.`);
    databaseRestart = restartDatabase(server.port).finally(() => (databaseRestart = null));
  });
}

async function restartDatabase(port: number) {
  for (let attempt = 1; attempt <= DATABASE_RESTART_ATTEMPTS; attempt++) {
    if (stopping) return;
    try {
      const server = await startLocalEmbeddedPostgres(port);
      database = server;
      if (stopping) return;
      watchDatabase(server);
      console.log("Embedded PostgreSQL is back.");
      return;
    } catch (error) {
      console.error(`Restart ${attempt} of ${DATABASE_RESTART_ATTEMPTS} failed: ${(error as Error).message.split("\n")[0]}`);
      await sleep(500 * attempt);
    }
  }
  void shutdown({ code: START_EXIT.DATABASE_LOST, message: `Embedded PostgreSQL could not be started again: stopping next-server. Exit code ${START_EXIT.DATABASE_LOST}.` });
}

main().catch((error: Error) => {
  if (stopping) return;
  void shutdown({ code: START_EXIT.FAILED, message: describeFailure(error) });
});
