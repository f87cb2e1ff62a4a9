// `npm run front:health` as systemd runs it: the real script, a real upstream file and reload
// command, against two stand-in instances that answer GET /api/health as the app does (200 or
// 503); SIGTERM at the end, as `systemctl stop` sends.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function standInInstance(healthy: { ok: boolean }): Promise<string> {
  const server = http.createServer((request, response) => {
    response.writeHead(request.url === "/api/health" && healthy.ok ? 200 : 503, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ status: healthy.ok ? "ok" : "unavailable" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function until(condition: () => Promise<boolean>, what: string) {
  for (const deadline = Date.now() + 15_000; !(await condition()); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

it("marks a failing instance down in the upstream file and reloads, puts it back when it passes, and leaves none down when stopped", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "front-health-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const a = await standInInstance({ ok: true });
  const bHealth = { ok: true };
  const b = await standInInstance(bHealth);
  const file = path.join(dir, "upstream-servers.conf");
  // As a run killed without its stop would have left it: b down.
  await writeFile(file, `# instances\nserver ${a} max_fails=2 fail_timeout=5s;\nserver ${b} max_fails=2 fail_timeout=5s down;\n`);
  const reloads = path.join(dir, "reloads");
  const output: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/front-health.ts", "--servers", file, "--reload", `touch ${reloads}`, "--interval", "0.5"], { cwd: ROOT });
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  const text = () => readFile(file, "utf8");
  const reloaded = () => readFile(reloads).then(() => true, () => false);

  await until(async () => !(await text()).includes(" down;") && (await reloaded()), "b put back at start");
  await until(async () => output.join("").includes("checking"), "the start line");
  bHealth.ok = false;
  await until(async () => (await text()).includes(`server ${b} max_fails=2 fail_timeout=5s down;`), "b taken out");
  expect(await text()).toContain(`server ${a} max_fails=2 fail_timeout=5s;\n`);
  expect(await text()).toMatch(/^# instances\n/);
  await rm(reloads);
  bHealth.ok = true;
  await until(async () => !(await text()).includes(" down;") && (await reloaded()), "b back in, nginx reloaded");

  bHealth.ok = false;
  await until(async () => (await text()).includes(" down;"), "b taken out again");
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(await text()).not.toContain(" down;");
  expect(output.join("")).toContain(`front health: ${b} failed 2 checks of /api/health in a row: taken out of the front`);
  expect(output.join("")).toContain(`front health: ${b} passes /api/health again: back in the front`);
}, 60_000);

it("says what is wrong with a missing upstream file or one without servers, and exits 1", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "front-health-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const empty = path.join(dir, "empty.conf");
  await writeFile(empty, "# nothing yet\n");
  for (const [file, message] of [
    [path.join(dir, "missing.conf"), /no such file \(copy deploy\/nginx\/upstream-servers\.conf there\)/],
    [empty, /has no "server host:port;" line/],
  ] as const) {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/front-health.ts", "--servers", file], { cwd: ROOT });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(1);
    expect(stderr).toMatch(message);
  }
}, 30_000);
