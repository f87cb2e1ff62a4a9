// npm run front:health: on a real server, keeps the cache front to the app instances that pass
// GET /api/health (scripts/lib/instance-health.ts). It reads the instances from the upstream
// file nginx includes, asks each every 2 s, marks one that fails twice in a row "down" there and
// reloads nginx; puts it back after two passes; never takes every instance out. On SIGTERM or
// Ctrl-C it puts every instance back and reloads, so a stopped watcher leaves none out.
// deploy/systemd/careerwiki-front-health.service runs it; README "Production".
import { readFile } from "node:fs/promises";
import { applyToUpstreamFile, parseUpstreamServers, runReloadCommand, watchInstanceHealth } from "./lib/instance-health";
import { parseFrontHealthArgs } from "./front-health-args";
import { exitWithUsage } from "./lib/command-args";

async function main() {
  const parsed = parseFrontHealthArgs(process.argv.slice(2));
  if (!parsed.ok) exitWithUsage(parsed.errors);
  const { servers: file, reload, interval } = parsed.args;
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new Error(`Cannot read the upstream file ${file}: ${error.code === "ENOENT" ? "no such file (copy deploy/nginx/upstream-servers.conf there)" : error.message}.`);
  });
  const addresses = parseUpstreamServers(text).map((server) => server.address);
  if (addresses.length === 0) throw new Error(`${file} has no "server host:port;" line: list the app instances there.`);
  const apply = applyToUpstreamFile(file, () => runReloadCommand(reload));
  // Instances a run killed without its stop left out come back first; the checks decide from there.
  await apply(new Set());
  const watch = watchInstanceHealth({ addresses, intervalMs: interval * 1000, apply, log: (message) => console.log(message) });
  console.log(`front health: checking ${addresses.join(", ")} every ${interval} s (${file}; reload: ${reload})`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void watch.stop().then(() => process.exit(0));
    });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
