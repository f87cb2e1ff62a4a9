import { execFile } from "node:child_process";
import { readFile, rename, writeFile } from "node:fs/promises";
import { promisify } from "node:util";

// Active health checks for the cache front. nginx OSS only notices a dead instance passively,
// when a reader's request to it fails; an instance whose database is away still accepts
// connections and fails every write sent to it. This watcher asks each instance's
// GET /api/health every few seconds and takes an instance that fails it out of the front by
// marking its `server` line `down` in the upstream file (deploy/nginx/upstream-servers.conf),
// then reloads nginx (graceful: answers under way finish, the cache stays). Used by
// `npm run start:cluster`, the cluster specs and, on a real server, `npm run front:health`
// (deploy/systemd/careerwiki-front-health.service).

export interface UpstreamServer {
  /** host:port, as nginx's `server` directive names it. */
  address: string;
  /** The line's other parameters (max_fails=…, fail_timeout=…), without `down`. */
  parameters: string[];
}

const SERVER_LINE = /^(\s*)server\s+([^\s;]+)((?:\s+[^\s;]+)*)\s*;(.*)$/;

/** The `server` lines of an upstream file, in order; other lines are kept as they are when rendered. */
export function parseUpstreamServers(text: string): UpstreamServer[] {
  const servers: UpstreamServer[] = [];
  for (const line of text.split("\n")) {
    const match = SERVER_LINE.exec(line);
    if (!match) continue;
    servers.push({ address: match[2]!, parameters: match[3]!.trim().split(/\s+/).filter((parameter) => parameter && parameter !== "down") });
  }
  return servers;
}

/** The same file with `down` on exactly the servers in `down` (comments and other lines untouched). */
export function markServersDown(text: string, down: ReadonlySet<string>): string {
  return text
    .split("\n")
    .map((line) => {
      const match = SERVER_LINE.exec(line);
      if (!match) return line;
      const [, indent, address, rest, trailing] = match;
      const parameters = rest!.trim().split(/\s+/).filter((parameter) => parameter && parameter !== "down");
      if (down.has(address!)) parameters.push("down");
      return `${indent}server ${[address, ...parameters].join(" ")};${trailing}`;
    })
    .join("\n");
}

export interface HealthRules {
  /** Failed checks in a row that take an instance out (2, as HAProxy's `fall`). */
  fall: number;
  /** Passed checks in a row that put it back (2, as HAProxy's `rise`). */
  rise: number;
}

export interface InstanceHealth {
  /** Whether the front sends it requests. */
  serving: boolean;
  /** Checks in a row that disagree with `serving` (failures while serving, passes while out). */
  streak: number;
}

/**
 * One round of checks applied to what the watcher knew: an instance goes out after `fall`
 * failures in a row and comes back after `rise` passes in a row. When every instance would be
 * out, none is: a front with no instance can only fail, while nginx still serves its cached
 * pages and retries the others when the instances are merely slow.
 */
export function nextHealth(previous: ReadonlyMap<string, InstanceHealth>, passed: ReadonlyMap<string, boolean>, rules: HealthRules): Map<string, InstanceHealth> {
  const next = new Map<string, InstanceHealth>();
  for (const [address, ok] of passed) {
    const known = previous.get(address) ?? { serving: true, streak: 0 };
    const agrees = ok === known.serving;
    const streak = agrees ? 0 : known.streak + 1;
    const flips = streak >= (known.serving ? rules.fall : rules.rise);
    next.set(address, flips ? { serving: !known.serving, streak: 0 } : { serving: known.serving, streak });
  }
  if (next.size > 0 && [...next.values()].every((health) => !health.serving)) {
    for (const address of next.keys()) next.set(address, { serving: true, streak: 0 });
  }
  return next;
}

export type HealthProbe = (address: string) => Promise<boolean>;

/** GET http://ADDRESS/api/health: passed on a 200 within `timeoutMs` (the check itself gives the database 2 s). */
export function probeHealthEndpoint(timeoutMs = 3000): HealthProbe {
  return async (address) => {
    try {
      const response = await fetch(`http://${address}/api/health`, { signal: AbortSignal.timeout(timeoutMs), headers: { "User-Agent": "careerwiki-front-health" } });
      await response.arrayBuffer();
      return response.status === 200;
    } catch {
      return false;
    }
  };
}

export interface WatchOptions extends Partial<HealthRules> {
  addresses: readonly string[];
  /** Between rounds of checks (2 s). */
  intervalMs?: number;
  probe?: HealthProbe;
  /** Called with the instances to take out whenever that set changes; it must apply it to the front. */
  apply(down: ReadonlySet<string>): Promise<void>;
  log(message: string): void;
}

export interface HealthWatch {
  /** The instances the front has out now. */
  down(): ReadonlySet<string>;
  /**
   * Stops checking and, unless `restore` is false (the front stops too), puts every instance
   * back: a watcher that is gone must not leave one out for good.
   */
  stop(options?: { restore?: boolean }): Promise<void>;
}

export function watchInstanceHealth(options: WatchOptions): HealthWatch {
  const rules: HealthRules = { fall: options.fall ?? 2, rise: options.rise ?? 2 };
  const probe = options.probe ?? probeHealthEndpoint();
  let health = new Map<string, InstanceHealth>(options.addresses.map((address) => [address, { serving: true, streak: 0 }]));
  let applied: ReadonlySet<string> = new Set();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  let everyOneFailing = false;

  const outOf = (map: ReadonlyMap<string, InstanceHealth>) => new Set([...map].filter(([, h]) => !h.serving).map(([address]) => address));

  const check = async () => {
    const results = await Promise.all(options.addresses.map(async (address) => [address, await probe(address)] as const));
    if (stopped) return;
    const passed = new Map(results);
    health = nextHealth(health, passed, rules);
    const failingNow = results.every(([, ok]) => !ok);
    if (failingNow && !everyOneFailing) options.log("front health: every instance fails /api/health: all kept in the front (it serves its cached pages meanwhile)");
    everyOneFailing = failingNow;
    const down = outOf(health);
    if (sameSet(down, applied)) return;
    for (const address of options.addresses) {
      if (down.has(address) && !applied.has(address)) options.log(`front health: ${address} failed ${rules.fall} checks of /api/health in a row: taken out of the front`);
      if (!down.has(address) && applied.has(address)) options.log(`front health: ${address} passes /api/health again: back in the front`);
    }
    try {
      await options.apply(down);
      applied = down;
    } catch (error) {
      options.log(`front health: could not update the front: ${(error as Error).message}`);
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = check().finally(schedule);
    }, options.intervalMs ?? 2000);
  };
  schedule();

  return {
    down: () => applied,
    async stop({ restore = true } = {}) {
      stopped = true;
      clearTimeout(timer);
      await round.catch(() => {});
      if (restore && applied.size > 0) {
        await options.apply(new Set()).catch((error: Error) => options.log(`front health: could not put every instance back: ${error.message}`));
        applied = new Set();
      }
    },
  };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>) {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/** What the watcher applies: the upstream file rewritten, then nginx reloaded. */
export function applyToUpstreamFile(file: string, reload: () => Promise<void>): WatchOptions["apply"] {
  return async (down) => {
    await writeUpstreamFile(file, down);
    await reload();
  };
}

/** Rewrites the upstream file with `down` on those servers (a whole new file, renamed into place). */
export async function writeUpstreamFile(file: string, down: ReadonlySet<string>): Promise<void> {
  const text = await readFile(file, "utf8");
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, markServersDown(text, down));
  await rename(temporary, file);
}

/** Runs a reload command (`nginx -s reload`, `systemctl reload nginx`) given as one string of words. */
export async function runReloadCommand(command: string): Promise<void> {
  const [program, ...args] = command.trim().split(/\s+/);
  if (!program) throw new Error("The reload command is empty.");
  await promisify(execFile)(program, args, { timeout: 10_000 });
}
