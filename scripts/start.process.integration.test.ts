// `npm start` as an operator and a service manager use it: real npm, real embedded
// PostgreSQL, real signals, in a fresh folder that looks like a clone. next-server is
// replaced by a tiny stand-in (tests/support/integration/stand-in-app-server.mjs, through
// CAREERWIKI_TEST_APP_SERVER) that answers from the database and drains like next-server
// does, so no production build is needed; everything else is the real supervisor.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { chmod, mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isAlive } from "@/lib/db/embedded-postgres";
import { findFreePort } from "@/lib/db/find-free-port";
import { realDataDir, realDataPresent } from "@/tests/support/integration/real-data";

const ROOT = path.resolve(import.meta.dirname, "..");
const STAND_IN = path.join(ROOT, "tests", "support", "integration", "stand-in-app-server.mjs");
const NOT_IN_A_CLONE = new Set([".data", ".next", ".next-e2e", ".git", "test-results", "playwright-report"]);

let project: string;
const started: ChildProcess[] = [];
/**
 * Where the starter moved the cluster when the postgres user cannot enter the project (a clone
 * under a `mktemp -d` folder: the project's node_modules link there), as its notice says; else null.
 */
let movedCluster: string | null = null;

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), "careerwiki-start-"));
  await chmod(project, 0o755);
  for (const entry of await readdir(ROOT)) {
    if (!NOT_IN_A_CLONE.has(entry)) await symlink(path.join(ROOT, entry), path.join(project, entry));
  }
});

afterEach(async () => {
  // A failed test must not leave its start running for the next one.
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const pid of processesOf(project)) process.kill(pid, "SIGKILL");
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function npm(args: string[], env: Record<string, string> = {}): Run {
  const { DATABASE_URL: _url, DATA_DIR: _data, TEST_DATABASE_URL: _test, ...inherited } = process.env;
  // No data folder here (the project is in a temporary folder): these starts serve an empty site, as asked.
  const child = spawn("npm", args, { cwd: project, env: { ...inherited, CAREERWIKI_TEST_APP_SERVER: STAND_IN, ALLOW_EMPTY_SITE: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const readMovedCluster = () => (movedCluster = /with its data in (\S+)\.$/m.exec(output)?.[1] ?? movedCluster);
  child.stdout!.on("data", readMovedCluster);
  child.stderr!.on("data", readMovedCluster);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function startApp() {
  const port = await findFreePort();
  const run = npm(["start"], { PORT: String(port) });
  const url = `http://127.0.0.1:${port}/`;
  await waitFor(async () => (await fetch(url).catch(() => null))?.status === 200, 90_000, () => `the app to answer on ${url}\n${run.output()}`);
  return { ...run, url, port };
}

async function waitFor(condition: () => boolean | Promise<boolean>, ms: number, what: () => string) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every process working in, or started with a path under, the test project (PostgreSQL: `-D <project>/.data/postgres`, or `-D` the moved cluster). */
function processesOf(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const state = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];
      const inMovedCluster = movedCluster !== null && commandLine.includes(movedCluster);
      if (state !== "Z" && (cwd === dir || cwd.startsWith(`${dir}/`) || commandLine.includes(`${dir}/`) || inMovedCluster)) pids.push(pid);
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

async function postmasterPid() {
  return Number((await readFile(path.join(movedCluster ?? path.join(project, ".data", "postgres"), "postmaster.pid"), "utf8")).split("\n")[0]);
}

async function json(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as { users?: number; pid?: number; error?: string } };
}

/** Sends `signal` to the npm process alone and returns how long until it and everything it started are gone. */
async function stopAndMeasure(run: Run, signal: NodeJS.Signals) {
  const sentAt = performance.now();
  run.child.kill(signal);
  const code = await Promise.race([run.exited, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 15_000))]);
  await waitFor(() => processesOf(project).length === 0, 15_000, () => `no process left, still: ${processesOf(project).join(", ")}`);
  return { code, seconds: (performance.now() - sentAt) / 1000 };
}

describe("npm start, operated", { timeout: 180_000 }, () => {
  it("refuses to serve a database with no occupations and no data folder, saying where it looked and what layout it expects, unless ALLOW_EMPTY_SITE=1", async () => {
    const run = npm(["start"], { PORT: String(await findFreePort()), ALLOW_EMPTY_SITE: "" });
    expect(await run.exited, run.output()).toBe(1);
    const expected = path.join(path.dirname(project), "shared", "datasets");
    expect(run.output()).toContain(`No occupations in the database and no data folder to import them from (looked in DATA_DIR: not set; ../shared/datasets beside the project: ${expected} does not exist). Expected a folder laid out like ../shared/datasets`);
    expect(run.output()).toMatch(/onet\/ \(O\*NET's tab-separated text files, at least `Occupation Data\.txt`.*Set DATA_DIR=PATH to import from it, or ALLOW_EMPTY_SITE=1 to serve a site with no careers\./);
    expect(run.output()).not.toMatch(/Serving on|\n\s+at /);
    await waitFor(() => processesOf(project).length === 0, 15_000, () => `no process left, still: ${processesOf(project).join(", ")}`);
    expect(existsSync(path.join(project, ".data", "start.json"))).toBe(false);

    const empty = await mkdtemp(path.join(os.tmpdir(), "careerwiki-no-datasets-"));
    try {
      const refused = npm(["start"], { PORT: String(await findFreePort()), ALLOW_EMPTY_SITE: "", DATA_DIR: empty });
      expect(await refused.exited, refused.output()).toBe(1);
      expect(refused.output()).toContain(`(looked in DATA_DIR: ${empty} holds none of the official datasets)`);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("lets `npm run user:role` join its embedded database (the database and the app keep running) and refuses a second start", async () => {
    const app = await startApp();
    const postmaster = await postmasterPid();
    expect((await json(app.url)).body.users).toBe(0);

    const command = npm(["run", "user:role", "--", "first-admin@example.com", "admin"]);
    expect(await command.exited, command.output()).toBe(0);
    expect(command.output()).toMatch(/Using the embedded database of the running `npm start`/);

    expect(isAlive(postmaster)).toBe(true);
    expect(await postmasterPid()).toBe(postmaster);
    expect(await json(app.url)).toEqual({ status: 200, body: expect.objectContaining({ users: 1 }) });
    expect(app.output()).not.toMatch(/exited unexpectedly/);

    // A second start in the same folder is refused, naming the running one, which goes on.
    const second = npm(["start"], { PORT: String(await findFreePort()) });
    expect(await second.exited).toBe(3);
    expect(second.output()).toContain(`already running in this folder: http://localhost:${app.port}`);
    expect((await json(app.url)).status).toBe(200);
    expect(isAlive(postmaster)).toBe(true);
    await stopAndMeasure(app, "SIGTERM");
  });

  it("on SIGTERM to the npm process alone, finishes the request in flight, stops the database last, and leaves nothing within 10 s", async () => {
    const app = await startApp();
    const inFlight = json(`${app.url}?delay=1500`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { code, seconds } = await stopAndMeasure(app, "SIGTERM");
    // The slow request asked the database only after the signal: it was still there.
    expect(await inFlight).toEqual({ status: 200, body: expect.objectContaining({ users: expect.any(Number) }) });
    expect(code).toBe(143);
    expect(seconds).toBeLessThan(10);
    expect(app.output()).toMatch(/SIGTERM: stopping/);
  });

  it("starts its database again on the same port when it dies, and still stops cleanly on SIGINT afterwards", async () => {
    const app = await startApp();
    process.kill(await postmasterPid(), "SIGKILL");
    await waitFor(() => app.output().includes("Embedded PostgreSQL is back."), 60_000, () => `the restart\n${app.output()}`);
    expect(app.output()).toMatch(/starting it again on port (\d+)/);
    await waitFor(async () => (await json(app.url)).status === 200, 10_000, () => "the app to answer again");
    const { code, seconds } = await stopAndMeasure(app, "SIGINT");
    expect(code).toBe(130);
    expect(seconds).toBeLessThan(10);
  });

  it("when next-server dies, stops the database and exits with code 4", async () => {
    const app = await startApp();
    process.kill((await json(app.url)).body.pid!, "SIGKILL");
    expect(await app.exited).toBe(4);
    expect(app.output()).toMatch(/next-server exited by itself \(killed by SIGKILL\)/);
    await waitFor(() => processesOf(project).length === 0, 10_000, () => `no process left, still: ${processesOf(project).join(", ")}`);
  });

  it("stops within 10 s when signalled while still starting (database up, migrating)", async () => {
    const run = npm(["start"], { PORT: String(await findFreePort()) });
    await waitFor(() => run.output().includes("Database: embedded PostgreSQL"), 60_000, () => `the database\n${run.output()}`);
    const { code, seconds } = await stopAndMeasure(run, "SIGTERM");
    expect(code).toBe(143);
    expect(seconds).toBeLessThan(10);
  });

  // Last: the import it interrupts may have committed a dataset, and the database of the
  // tests above must have no occupations. The importer's connection is cut when the database
  // stops under it: that must end the import, not crash the process with an unhandled 'error'.
  it.runIf(realDataPresent)("stops within 10 s when signalled while importing the official datasets, with 143, no stack and no records left", async () => {
    const run = npm(["start"], { PORT: String(await findFreePort()), DATA_DIR: realDataDir! });
    await waitFor(() => run.output().includes("importing the official datasets"), 90_000, () => `the import\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { code, seconds } = await stopAndMeasure(run, "SIGTERM");
    expect(code, run.output()).toBe(143);
    expect(seconds).toBeLessThan(10);
    expect(run.output()).toMatch(/SIGTERM: stopping/);
    expect(run.output()).not.toMatch(/Unhandled 'error' event|Connection terminated unexpectedly|\n\s+at /);
    expect(existsSync(path.join(project, ".data", "start.json"))).toBe(false);
    expect(existsSync(path.join(project, ".data", "postgres.owner.json"))).toBe(false);
  });
});
