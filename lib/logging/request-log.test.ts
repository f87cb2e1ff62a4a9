import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// A real http server under the same preload `next start` gets (NODE_OPTIONS from
// withForwardedHeadersPreload), answering 200, 404 and 500 as an app would.
const PRELOAD = path.resolve("lib/security/forwarded-headers.preload.cjs");
const APP = `
const http = require("node:http");
const server = http.createServer((request, response) => {
  if (request.url.startsWith("/api/health")) {
    response.statusCode = request.url.includes("down") ? 503 : 200;
    response.end("{}");
  } else if (request.url.startsWith("/ok")) {
    console.warn("serving %s", request.url.split("?")[0]);
    response.end(request.headers["x-request-id"]);
  } else if (request.url.startsWith("/boom")) {
    console.error(" ⨯", new Error("the page broke"));
    response.statusCode = 500;
    response.end("error");
  } else {
    response.statusCode = 404;
    response.end("not found");
  }
});
server.listen(0, "127.0.0.1", () => process.stderr.write("PORT " + server.address().port + "\\n"));
`;

interface LogLine {
  level: string;
  msg: string;
  requestId?: string;
  method?: string;
  path?: string;
  status?: number;
  durationMs?: number;
  err?: { message: string; stack: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Every app a test started (some start two): each is killed after the test. */
const children: ChildProcess[] = [];

async function startApp(env: Record<string, string>) {
  const stdout: string[] = [];
  const child = spawn(process.execPath, ["--require", PRELOAD, "-e", APP], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk.toString()));
  let stderr = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /PORT (\d+)/.exec(stderr);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", () => reject(new Error(`the app exited: ${stderr}`)));
  });
  const lines = () => stdout.join("").split("\n").filter(Boolean);
  return {
    base: `http://127.0.0.1:${port}`,
    lines,
    /** The parsed log lines, once the line for `requestId` is there (it is written when the response closes). */
    async logFor(requestId: string): Promise<LogLine[]> {
      for (let waited = 0; waited < 5000; waited += 20) {
        const parsed = lines().map((line) => JSON.parse(line) as LogLine);
        if (parsed.some((line) => line.msg === "request" && line.requestId === requestId)) return parsed.filter((line) => line.requestId === requestId);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no request line for ${requestId} in:\n${lines().join("\n")}`);
    },
  };
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill("SIGKILL");
    await once(child, "exit");
  }
});

describe("the request log of the next start preload", () => {
  it("logs one JSON line per request with method, path, status, duration and a request id it makes, and echoes the id", async () => {
    const app = await startApp({ TRUSTED_PROXY: "" });
    const response = await fetch(`${app.base}/ok?token=secret-sign-in-token`, { headers: { "X-Request-Id": "chosen-by-the-client" } });
    const requestId = response.headers.get("x-request-id")!;
    expect(requestId).toMatch(UUID);
    // The app sees the same id the response and the log carry, not the client's.
    expect(await response.text()).toBe(requestId);
    const log = await app.logFor(requestId);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ level: "warn", msg: "serving /ok", requestId });
    expect(log[1]).toMatchObject({ level: "info", msg: "request", requestId, method: "GET", path: "/ok", status: 200 });
    expect(log[1]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(app.lines().join("\n")).not.toContain("secret-sign-in-token");
    expect(app.lines().join("\n")).not.toContain("chosen-by-the-client");
  });

  it("takes X-Request-Id from a trusted proxy only", async () => {
    const app = await startApp({ TRUSTED_PROXY: "127.0.0.1" });
    const fromProxy = await fetch(`${app.base}/ok`, { headers: { "X-Request-Id": "f3a9c2d1e4b5a6978877665544332211" } });
    expect(fromProxy.headers.get("x-request-id")).toBe("f3a9c2d1e4b5a6978877665544332211");
    expect((await app.logFor("f3a9c2d1e4b5a6978877665544332211")).at(-1)).toMatchObject({ msg: "request", status: 200 });
    // Even a trusted proxy's id must look like one: anything else is replaced.
    const odd = await fetch(`${app.base}/ok`, { headers: { "X-Request-Id": "two words\u00e9" } });
    expect(odd.headers.get("x-request-id")).toMatch(UUID);

    const untrusted = await startApp({ TRUSTED_PROXY: "10.0.0.0/8" });
    const fromClient = await fetch(`${untrusted.base}/ok`, { headers: { "X-Request-Id": "f3a9c2d1e4b5a6978877665544332211" } });
    expect(fromClient.headers.get("x-request-id")).toMatch(UUID);
  });

  it("logs a client's mistake as one line without a stack, and a server error once with its error", async () => {
    const app = await startApp({ TRUSTED_PROXY: "" });
    const missing = await fetch(`${app.base}/no/such/page`);
    expect(missing.status).toBe(404);
    const notFound = await app.logFor(missing.headers.get("x-request-id")!);
    expect(notFound).toEqual([expect.objectContaining({ level: "info", msg: "request", method: "GET", path: "/no/such/page", status: 404 })]);
    expect(notFound[0]!.err).toBeUndefined();

    const broken = await fetch(`${app.base}/boom`, { method: "POST" });
    expect(broken.status).toBe(500);
    const failed = await app.logFor(broken.headers.get("x-request-id")!);
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ level: "error", msg: "⨯", err: { message: "the page broke" } });
    expect(failed[0]!.err!.stack).toMatch(/^Error: the page broke\n\s+at /);
    expect(failed[1]).toMatchObject({ level: "error", msg: "request", method: "POST", path: "/boom", status: 500 });
    expect(failed[1]!.err).toBeUndefined();
    // Every line is one JSON object: no stack lines between them.
    expect(app.lines().filter((line) => !line.startsWith("{"))).toEqual([]);
  });

  it("keeps passed health checks (the front asks every 2 s) out of the log, but not a failed one, nor any at LOG_LEVEL=debug", async () => {
    const app = await startApp({ TRUSTED_PROXY: "" });
    const passed = await fetch(`${app.base}/api/health`);
    const failed = await fetch(`${app.base}/api/health?down`);
    expect(failed.status).toBe(503);
    expect(await app.logFor(failed.headers.get("x-request-id")!)).toEqual([expect.objectContaining({ level: "error", path: "/api/health", status: 503 })]);
    const ok = await fetch(`${app.base}/ok`);
    await app.logFor(ok.headers.get("x-request-id")!);
    expect(app.lines().filter((line) => line.includes(passed.headers.get("x-request-id")!))).toEqual([]);

    const verbose = await startApp({ TRUSTED_PROXY: "", LOG_LEVEL: "debug" });
    const shown = await fetch(`${verbose.base}/api/health`);
    expect(await verbose.logFor(shown.headers.get("x-request-id")!)).toEqual([expect.objectContaining({ level: "debug", path: "/api/health", status: 200 })]);
  });
});
