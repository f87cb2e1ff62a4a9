import { execFile } from "node:child_process";
import { accessSync, constants as fsConstants } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { sleep, spawnGroup, type GroupProcess } from "./process-group";

// The cache front of `npm run start:cluster`, the cluster e2e specs and `bench:production`:
// Debian's nginx with deploy/nginx/careerwiki.conf, rendered for one machine, running in a
// folder of its own (config, cache, temporary files, logs, pid), in the foreground.

const TEMPLATE = path.join(process.cwd(), "deploy", "nginx", "careerwiki.conf");

export interface FrontSettings {
  /** Where nginx keeps its config, cache, temporary files and logs (created). */
  dir: string;
  /** The port readers connect to, on every interface. */
  port: number;
  /** The app instances, as `host:port`. */
  upstreams: string[];
  /** The value of the refresh header (CACHE_REFRESH_SECRET of the instances). */
  refreshSecret: string;
  /** More server blocks in nginx's http context (the benchmark's static file server). */
  extraServers?: string;
}

export interface RunningFront extends GroupProcess {
  /** http://localhost:PORT */
  url: string;
  dir: string;
  /** The upstream's `server` lines (deploy/nginx/upstream-servers.conf, rendered), which the health watcher marks. */
  upstreamFile: string;
  /** nginx's graceful reload (SIGHUP to the master): new workers read the config, answers under way finish. */
  reload(): Promise<void>;
}

/** The example upstream file's line for each instance, with its passive-check parameters. */
export function renderUpstreamServers(upstreams: readonly string[]): string {
  return `# The instances of this run (scripts/lib/nginx-front.ts); the health watcher marks a failing one down.\n${upstreams.map((address) => `server ${address} max_fails=2 fail_timeout=5s;`).join("\n")}\n`;
}

/**
 * The real-server file made into a plain-http front on this machine: each change below must
 * find its text exactly, so a change to the file that this rendering no longer fits fails
 * here rather than serving something else.
 */
export function renderFrontConfig(template: string, settings: Pick<FrontSettings, "port"> & { cacheDir: string; refreshMap: string; upstreamFile: string; ipv6: boolean }): string {
  const listen = [`    listen ${settings.port};`, ...(settings.ipv6 ? [`    listen [::]:${settings.port};`] : [])].join("\n");
  const replacements: [string, string][] = [
    ["    listen 80;\n    listen [::]:80;", listen],
    ["include /etc/careerwiki/upstream-servers.conf;", `include ${settings.upstreamFile};`],
    ["proxy_cache_path /var/cache/nginx/careerwiki ", `proxy_cache_path ${settings.cacheDir} `],
    ["include /etc/careerwiki/front-refresh.map;", `include ${settings.refreshMap};`],
    ["    server_name careerwiki.example;", "    server_name localhost;"],
  ];
  let config = template;
  for (const [from, to] of replacements) {
    if (!config.includes(from)) throw new Error(`deploy/nginx/careerwiki.conf no longer contains ${JSON.stringify(from)}: update scripts/lib/nginx-front.ts`);
    config = config.replace(from, to);
  }
  // Lines for a real server's TLS only.
  return config
    .split("\n")
    .filter((line) => !/#\s*tls\s*$/.test(line))
    .join("\n");
}

/** nginx's binary: NGINX_BIN, else `nginx` on PATH or in the sbin folders (Debian puts it in /usr/sbin). */
export function findNginx(): string {
  const candidates = process.env.NGINX_BIN ? [process.env.NGINX_BIN] : [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean), "/usr/sbin", "/usr/local/sbin", "/opt/homebrew/bin"].map((dir) => path.join(dir, "nginx"));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // not there
    }
  }
  throw new Error(
    process.env.NGINX_BIN
      ? `NGINX_BIN=${process.env.NGINX_BIN} is not an executable file.`
      : "nginx is not installed: install it (Debian/Ubuntu: sudo apt-get install nginx; macOS: brew install nginx), or set NGINX_BIN to its path.",
  );
}

/** Writes the rendered site file and a main config around it; returns the main config's path. */
export async function writeFrontConfig(settings: FrontSettings): Promise<string> {
  const dir = path.resolve(settings.dir);
  for (const sub of ["cache", "tmp", "logs"]) await mkdir(path.join(dir, sub), { recursive: true });
  const refreshMap = path.join(dir, "front-refresh.map");
  await writeFile(refreshMap, `${JSON.stringify(settings.refreshSecret)} 1;\n`, { mode: 0o600 });
  const upstreamFile = path.join(dir, "upstream-servers.conf");
  await writeFile(upstreamFile, renderUpstreamServers(settings.upstreams));
  const site = renderFrontConfig(await readFile(TEMPLATE, "utf8"), { ...settings, cacheDir: path.join(dir, "cache"), refreshMap, upstreamFile, ipv6: await canListenOnIpv6() });
  await writeFile(path.join(dir, "careerwiki.conf"), site);
  const temp = (name: string) => `    ${name}_temp_path ${path.join(dir, "tmp", name)};`;
  const main = [
    "# Written by scripts/lib/nginx-front.ts for this run; the site is careerwiki.conf beside it.",
    // As root, workers would run as nobody, who may not enter the project's folders.
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    "worker_processes auto;",
    `pid ${path.join(dir, "nginx.pid")};`,
    `error_log ${path.join(dir, "logs", "error.log")} warn;`,
    "events { worker_connections 4096; }",
    "http {",
    "    types { text/html html; text/css css; application/javascript js; application/json json; image/svg+xml svg; font/woff2 woff2; text/plain txt; }",
    "    default_type application/octet-stream;",
    "    sendfile on;",
    "    tcp_nopush on;",
    "    keepalive_requests 100000;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp),
    // $upstream_addr: the instance that answered ("-" for a cache hit).
    "    log_format careerwiki '$remote_addr [$time_local] \"$request\" $status $body_bytes_sent $request_time $upstream_cache_status $request_id $upstream_addr';",
    `    access_log ${path.join(dir, "logs", "access.log")} careerwiki buffer=64k flush=1s;`,
    `    include ${path.join(dir, "careerwiki.conf")};`,
    settings.extraServers ?? "",
    "}",
    "",
  ].join("\n");
  const mainFile = path.join(dir, "nginx.conf");
  await writeFile(mainFile, main);
  return mainFile;
}

/** Renders the config, checks it (`nginx -t`), and runs nginx in the foreground until it answers on the port. */
export async function startFront(settings: FrontSettings): Promise<RunningFront> {
  const nginx = findNginx();
  const config = await writeFrontConfig(settings);
  const dir = path.resolve(settings.dir);
  const args = ["-p", dir, "-c", config, "-e", path.join(dir, "logs", "error.log"), "-g", "daemon off;"];
  try {
    await promisify(execFile)(nginx, ["-t", "-q", ...args]);
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim();
    throw new Error(`nginx refused the rendered config ${config}: ${stderr}`);
  }
  const front = spawnGroup(nginx, args, { stdio: ["ignore", "inherit", "inherit"] });
  for (const deadline = Date.now() + 10_000; !(await answers(settings.port)); ) {
    const exited = await Promise.race([front.exited, sleep(100).then(() => null)]);
    if (exited) throw new Error(`nginx exited at start (see ${path.join(dir, "logs", "error.log")}).`);
    if (Date.now() > deadline) {
      await front.stop(1000);
      throw new Error(`nginx did not listen on port ${settings.port} within 10 s.`);
    }
  }
  const reload = () => {
    // What `nginx -s reload` sends: the master reads the config again and, if it is bad, keeps
    // the old one and logs why.
    process.kill(front.pid, "SIGHUP");
    return Promise.resolve();
  };
  return { ...front, url: `http://localhost:${settings.port}`, dir, upstreamFile: path.join(dir, "upstream-servers.conf"), reload };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Whether this machine has an IPv6 loopback (containers often have none; nginx would fail to listen). */
function canListenOnIpv6(): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(0, "::1", () => server.close(() => resolve(true)));
  });
}
