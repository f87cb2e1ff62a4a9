import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

/** Where Debian's `wrk` package puts it (`apt-get install wrk`); WRK_PATH for another place. */
export const WRK_PATH = process.env.WRK_PATH || "/usr/bin/wrk";

export function wrkInstalled(): boolean {
  return existsSync(WRK_PATH);
}

export interface WrkFigures {
  /** Requests per second over the run. */
  requests: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** Answers that were not 2xx/3xx, plus socket errors (connect, read, write, timeout). */
  failures: number;
}

/**
 * One run of wrk (C, multi-threaded, a few percent of a core at these rates): `connections`
 * connections for `durationSeconds` over `threads` threads, with its latency distribution.
 */
export async function runWrk({
  url,
  connections,
  durationSeconds,
  threads = 2,
  headers = {},
}: {
  url: string;
  connections: number;
  durationSeconds: number;
  threads?: number;
  /** Request headers, e.g. Accept-Encoding (wrk sends none of its own). */
  headers?: Record<string, string>;
}): Promise<WrkFigures> {
  // wrk gives up on an answer after 2 s by default and leaves it out of the latencies: a slow
  // `next start` would look faster than it is. 10 s, as autocannon's.
  const { stdout } = await promisify(execFile)(WRK_PATH, [`-t${threads}`, `-c${connections}`, `-d${durationSeconds}s`, "--timeout", "10s", "--latency", ...Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]), url], { timeout: (durationSeconds + 30) * 1_000 });
  return parseWrkOutput(stdout);
}

/** Reads wrk 4's report (`--latency`). */
export function parseWrkOutput(output: string): WrkFigures {
  const requests = /^Requests\/sec:\s+([\d.]+)/m.exec(output);
  const p50 = /^\s+50%\s+([\d.]+)(us|ms|s)\s*$/m.exec(output);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(output);
  if (!requests || !p50 || !p99) throw new Error(`wrk's report is not in the expected form:\n${output}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return { requests: Number(requests[1]), p50: milliseconds(p50[1]!, p50[2]!), p99: milliseconds(p99[1]!, p99[2]!), failures: non2xx + socketErrors };
}

function milliseconds(value: string, unit: string): number {
  const scale = unit === "us" ? 0.001 : unit === "s" ? 1_000 : 1;
  return Math.round(Number(value) * scale * 100) / 100;
}
