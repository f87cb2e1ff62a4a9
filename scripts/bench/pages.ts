// npm run bench:pages: role page vs a static file of the same size, served by the same
// production server (`next start`, real-data database), 50 connections for 10 s each with
// autocannon. Prints req/s, p50 and p99 of both and their ratio, then the role page's
// reader JavaScript. Targets (Reading issue): role page ≥ 80 % of the static file's
// throughput and p99 < 50 ms; decisions.md expects Next alone to fall short (about 0.3×).
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import { pickRoleSlug } from "./lib/role-slug";
import { measurePageScripts, printScriptSizes } from "./lib/reader-js";
import { startProductionServer } from "@/tests/support/e2e/production-server";
import { buildIfNeeded, openBenchDatabase } from "./lib/server";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const SAMPLE = path.join("public", "bench", "static-sample.html");

interface Figures {
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  bytes: number;
}

async function load(url: string): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  return {
    requests: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    bytes: result.throughput.average / Math.max(1, result.requests.average),
  };
}

async function main() {
  await buildIfNeeded();
  const database = await openBenchDatabase();
  const slug = await pickRoleSlug(database.url);
  const rolePath = `/roles/${slug}`;
  try {
    // 1. Render the role page once and keep its HTML as the static sample. Next lists
    //    public/ when it starts, so the server is started again to serve the sample.
    let server = await startProductionServer(database.url);
    const roleResponse = await fetch(`${server.baseUrl}${rolePath}`);
    if (!roleResponse.ok) throw new Error(`${rolePath} answered ${roleResponse.status}`);
    const html = await roleResponse.text();
    await server.stop();
    await mkdir(path.dirname(SAMPLE), { recursive: true });
    await writeFile(SAMPLE, html);
    server = await startProductionServer(database.url);
    try {
      // 2. Warm-up: the role page comes from Next's cache from now on.
      for (let i = 0; i < 20; i++) {
        await (await fetch(`${server.baseUrl}${rolePath}`)).arrayBuffer();
        await (await fetch(`${server.baseUrl}/bench/static-sample.html`)).arrayBuffer();
      }
      console.log(`\nautocannon: ${CONNECTIONS} connections, ${DURATION_S} s each; page ${rolePath} (${(html.length / 1024).toFixed(1)} KB of HTML)`);
      const role = await load(`${server.baseUrl}${rolePath}`);
      const file = await load(`${server.baseUrl}/bench/static-sample.html`);
      const row = (name: string, f: Figures) =>
        `${name.padEnd(26)} ${f.requests.toFixed(0).padStart(8)} ${`${f.p50} ms`.padStart(8)} ${`${f.p99} ms`.padStart(8)} ${(f.bytes / 1024).toFixed(1).padStart(8)} KB ${String(f.errors + f.non2xx).padStart(7)}`;
      console.log(`\n${"".padEnd(26)} ${"req/s".padStart(8)} ${"p50".padStart(8)} ${"p99".padStart(8)} ${"body".padStart(11)} ${"errors".padStart(7)}`);
      console.log(row("role page", role));
      console.log(row("static file (public/)", file));
      const ratio = role.requests / file.requests;
      console.log(`\nrole page / static file throughput: ${(ratio * 100).toFixed(0)} % (target ≥ 80 %: ${ratio >= 0.8 ? "met" : "NOT met"})`);
      console.log(`role page p99: ${role.p99} ms (target < 50 ms: ${role.p99 < 50 ? "met" : "NOT met"})`);
      printScriptSizes(rolePath, await measurePageScripts(server.baseUrl, rolePath));
    } finally {
      await server.stop();
    }
  } finally {
    await rm(path.dirname(SAMPLE), { recursive: true, force: true });
    await database.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
