// npm run bench:production: the production set on this machine (scripts/lib/nginx-front.ts
// in front of two `next start` instances with Redis, as start:cluster runs them) against the
// real data, on a scratch copy of the database (created from it, dropped at the end). Then,
// in alternating rounds of wrk (else autocannon; 50 connections): the role page through the front,
// the same bytes as a static file from the same nginx, and the role page from one instance
// directly, with no Accept-Encoding; then, as browsers ask, with `Accept-Encoding: gzip` the
// page through the front against the static file's gzip copy (gzip_static). Prints req/s, p50, p99 and the ratios, then the time from an approval's answer
// to the page showing it through the front (median of 20), and the time from a data change
// committed and recorded as `npm run data:import` records it to the page showing it through
// the front (median of BENCH_IMPORTS, 5). Targets (Production issue):
// front ≥ 0.8× the static file with p99 < 20 ms, and ≥ 5× `next start` alone.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import { gzipSync } from "node:zlib";
import path from "node:path";
import autocannon from "autocannon";
import { newPgClient } from "@/lib/db/pg-client";
import { recordDataChange } from "@/lib/cache/record-data-change";
import { findFreePort } from "@/lib/db/find-free-port";
import { callServerAction, findServerAction, formData, listServerActions } from "@/tests/support/e2e/server-actions";
import { startCluster } from "@/tests/support/e2e/cluster";
import { percentile } from "@/tests/support/e2e/load-driver";
import type { RunningServer } from "@/tests/support/e2e/production-server";
import { queryRows } from "@/tests/support/query-rows";
import { seedUser, type SeededUser } from "@/tests/support/seed-users";
import { databaseUrl as databaseUrlOf, dropDatabase } from "@/tests/support/test-server";
import { pickRoleSlug } from "./lib/role-slug";
import { buildIfNeeded, openBenchDatabase } from "./lib/server";
import { runWrk, wrkInstalled } from "./lib/wrk";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const APPROVALS = Number(process.env.BENCH_APPROVALS ?? 20);
const IMPORTS = Number(process.env.BENCH_IMPORTS ?? 5);
const SCRATCH_DATABASE = `careerwiki_bench_production_${process.pid}`;

interface Round {
  requests: number;
  p50: number;
  p99: number;
  failures: number;
}

/**
 * The load generator: wrk when installed (`apt-get install wrk`; C, a few percent of a core),
 * else autocannon, which runs in Node on the same two cores as nginx and the instances and
 * measured static nginx at p99 132 ms (its own event loop's delay, not nginx's).
 */
const LOAD_GENERATOR = process.env.BENCH_LOAD_GENERATOR === "autocannon" || !wrkInstalled() ? "autocannon" : "wrk";

async function load({ url, headers }: { url: string; headers?: Record<string, string> }): Promise<Round> {
  if (LOAD_GENERATOR === "wrk") return runWrk({ url, connections: CONNECTIONS, durationSeconds: DURATION_S, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return { requests: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failures: result.errors + result.non2xx };
}

async function main() {
  await buildIfNeeded();
  const source = await openBenchDatabase();
  const cleanups: (() => Promise<unknown>)[] = [() => source.stop()];
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => console.error(error.message));
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
  try {
    // A scratch copy: the approvals below must not change the real pages.
    const adminUrl = databaseUrlOf(source.url, "postgres");
    await copyDatabase(adminUrl, new URL(source.url).pathname.slice(1), SCRATCH_DATABASE);
    cleanups.push(() => dropDatabase(adminUrl, SCRATCH_DATABASE));
    const databaseUrl = databaseUrlOf(source.url, SCRATCH_DATABASE);
    const slug = await pickRoleSlug(databaseUrl);
    const rolePath = `/roles/${slug}`;

    const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-bench-production-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const staticRoot = path.join(dir, "static");
    const staticPort = await findFreePort();
    const cluster = await startCluster({
      databaseUrl,
      distDir: ".next",
      env: { SUBMISSIONS_PER_HOUR: "100000" },
      extraServers: `    server { listen 127.0.0.1:${staticPort}; root ${staticRoot}; access_log off; gzip_static on; }`,
    });
    cleanups.push(() => cluster.stop());
    const { frontUrl, instances } = cluster;

    // The page as the front serves it, saved as the static file.
    const page = await fetch(`${frontUrl}${rolePath}`);
    if (!page.ok) throw new Error(`${rolePath} answered ${page.status} through the front`);
    const html = Buffer.from(await page.arrayBuffer());
    await mkdir(staticRoot, { recursive: true });
    await writeFile(path.join(staticRoot, "role.html"), html);
    // The same page compressed as the app compresses it (Next's gzip, level 6), for gzip_static.
    await writeFile(path.join(staticRoot, "role.html.gz"), gzipSync(html, { level: 6 }));

    const gzip = { "Accept-Encoding": "gzip" };
    const targets = {
      front: { url: `${frontUrl}${rolePath}` },
      static: { url: `http://127.0.0.1:${staticPort}/role.html` },
      "next start": { url: `${instances[0]!.baseUrl}${rolePath}` },
      "front gzip": { url: `${frontUrl}${rolePath}`, headers: gzip },
      "static gzip": { url: `http://127.0.0.1:${staticPort}/role.html`, headers: gzip },
    } as const;
    for (const target of Object.values(targets)) for (let i = 0; i < 20; i++) await (await fetch(target.url, { headers: "headers" in target ? target.headers : { "Accept-Encoding": "identity" } })).arrayBuffer();

    console.log(`\n${LOAD_GENERATOR}: ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION_S} s; ${rolePath} (${(html.length / 1024).toFixed(1)} KB of HTML)`);
    const rounds: Record<keyof typeof targets, Round[]> = { front: [], static: [], "next start": [], "front gzip": [], "static gzip": [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const name of Object.keys(targets) as (keyof typeof targets)[]) {
        const figures = await load(targets[name]);
        rounds[name].push(figures);
        console.log(`  round ${round} ${name.padEnd(12)} ${figures.requests.toFixed(0).padStart(7)} req/s  p50 ${figures.p50} ms  p99 ${figures.p99} ms${figures.failures ? `  ${figures.failures} failed` : ""}`);
      }
    }
    const summary = Object.fromEntries(
      (Object.keys(rounds) as (keyof typeof targets)[]).map((name) => {
        const list = rounds[name];
        return [name, { requests: list.reduce((sum, r) => sum + r.requests, 0) / list.length, p50: percentile(list.map((r) => r.p50), 50), p99: percentile(list.map((r) => r.p99), 50), failures: list.reduce((sum, r) => sum + r.failures, 0) }];
      }),
    ) as Record<keyof typeof targets, Round>;
    console.log(`\n${"".padEnd(30)} ${"req/s".padStart(8)} ${"p50".padStart(7)} ${"p99".padStart(7)} ${"failed".padStart(7)}`);
    const rows: [keyof typeof targets, string][] = [
      ["front", "role page through the front"],
      ["static", "static file, same nginx"],
      ["next start", "role page, one next start"],
      ["front gzip", "front, Accept-Encoding: gzip"],
      ["static gzip", "static .gz file (gzip_static)"],
    ];
    for (const [name, label] of rows) {
      const f = summary[name];
      console.log(`${label.padEnd(30)} ${f.requests.toFixed(0).padStart(8)} ${`${f.p50} ms`.padStart(7)} ${`${f.p99} ms`.padStart(7)} ${String(f.failures).padStart(7)}`);
    }
    const toStatic = summary.front.requests / summary.static.requests;
    const toNext = summary.front.requests / summary["next start"].requests;
    console.log(`\nfront / static file: ${toStatic.toFixed(2)}× (target ≥ 0.8×: ${toStatic >= 0.8 ? "met" : "NOT met"})`);
    console.log(`front p99: ${summary.front.p99} ms (target < 20 ms: ${summary.front.p99 < 20 ? "met" : "NOT met"})`);
    console.log(`front / next start: ${toNext.toFixed(1)}× (target ≥ 5×: ${toNext >= 5 ? "met" : "NOT met"})`);
    console.log(`with gzip: front / static .gz file: ${(summary["front gzip"].requests / summary["static gzip"].requests).toFixed(2)}×, front p99 ${summary["front gzip"].p99} ms`);

    const times = await measureApprovalToVisible({ databaseUrl, frontUrl, instance: instances[0]!, slug });
    console.log(`\napproval to visible through the front (${times.length} approvals on instance A, page polled every 10 ms): median ${Math.round(percentile(times, 50))} ms, max ${Math.round(Math.max(...times))} ms`);

    const imports = await measureImportToVisible({ databaseUrl, frontUrl, avoidSlug: slug });
    console.log(
      `import to visible through the front (${imports.times.length} data changes, ${imports.role}, page polled every 10 ms): median ${Math.round(percentile(imports.times, 50))} ms, max ${Math.round(Math.max(...imports.times))} ms; ` +
        `the front's refresh of the changed pages took a median of ${percentile(imports.refreshSeconds, 50).toFixed(2)} s`,
    );
  } finally {
    await cleanUp();
  }
}

/** CREATE DATABASE … TEMPLATE: a file-level copy, seconds for the real data. */
async function copyDatabase(adminUrl: string, from: string, to: string) {
  await dropDatabase(adminUrl, to);
  const client = newPgClient({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${to}" TEMPLATE "${from}"`);
  } finally {
    await client.end();
  }
}

/**
 * Each time: a contributor sends a description correction, a moderator approves it on
 * instance A (straight to the instance, as the site: the front's origin), and the clock runs
 * from the approval's answer until the role page through the front shows the new text.
 */
async function measureApprovalToVisible({ databaseUrl, frontUrl, instance, slug }: { databaseUrl: string; frontUrl: string; instance: RunningServer; slug: string }): Promise<number[]> {
  const contributor = await seedUser({ databaseUrl, role: "CONTRIBUTOR", baseUrl: frontUrl });
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", baseUrl: frontUrl });
  const actions = listServerActions(instance.distDir);
  const call = async (user: SeededUser, file: string, name: string, args: unknown[]) => {
    const result = await callServerAction({ baseUrl: instance.baseUrl, origin: frontUrl, action: findServerAction(actions, file, name), args, cookie: `${user.cookie.name}=${user.cookie.value}` });
    if ((result.value as { ok?: boolean } | null)?.ok !== true) throw new Error(`${name} failed: ${result.body.slice(0, 300)}`);
  };
  const role = (await (await fetch(`${instance.baseUrl}/api/roles/${await codeOf(databaseUrl, slug)}`)).json()) as { code: string; community: { latestRevision: number } };
  let revision = role.community.latestRevision;
  const times: number[] = [];
  for (let i = 0; i < APPROVALS; i++) {
    const text = `Bench correction ${i} ${randomBytes(4).toString("hex")}: the description as a practitioner would put it.`;
    await call(contributor, "app/(contributor)/contribute/actions.ts", "submitCorrectionAction", [
      null,
      formData({ occupationCode: role.code, field: "DESCRIPTION", operation: "CHANGE", proposedValue: text, rationale: "Measuring how soon readers see an approval.", baseRevisionNumber: String(revision) }),
    ]);
    await call(moderator, "app/(moderation)/moderation/actions.ts", "approveSubmissionAction", [null, formData({ submissionId: await pendingSubmissionOf(databaseUrl, contributor.id) })]);
    const approvedAt = performance.now();
    revision += 1;
    for (;;) {
      if ((await (await fetch(`${frontUrl}/roles/${slug}`)).text()).includes(text)) break;
      if (performance.now() - approvedAt > 30_000) throw new Error(`approval ${i} not visible through the front after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    times.push(performance.now() - approvedAt);
  }
  // The exports are refreshed after the page: let the last refresh finish before the front stops.
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if ((await (await fetch(`${frontUrl}/api/roles/${role.code}`)).text()).includes("Bench correction " + (APPROVALS - 1))) break;
  }
  return times;
}

/**
 * Each time: the official description of a role readers are reading through the front (not
 * the one the approvals corrected) changes in one committed transaction, as an import's, and
 * the change is recorded as `npm run data:import` records it after its commit; the clock runs
 * from that commit until the page through the front shows the new text. The next change waits
 * for the front's refresh of every page to end.
 */
async function measureImportToVisible({ databaseUrl, frontUrl, avoidSlug }: { databaseUrl: string; frontUrl: string; avoidSlug: string }) {
  const [role] = await queryRows<{ code: string; slug: string }>(databaseUrl, `SELECT "code", "slug" FROM "Occupation" WHERE "slug" <> $1 ORDER BY "code" DESC LIMIT 1`, [avoidSlug]);
  const url = `${frontUrl}/roles/${role!.slug}`;
  const times: number[] = [];
  const refreshSeconds: number[] = [];
  for (let i = 0; i < IMPORTS; i++) {
    for (let read = 0; read < 3; read++) await (await fetch(url)).arrayBuffer();
    const text = `Bench import ${i} ${randomBytes(4).toString("hex")}: the official description as a new release words it.`;
    await queryRows(databaseUrl, `UPDATE "OnetOccupation" SET "description" = $1 WHERE "code" = $2`, [text, role!.code]);
    const committedAt = performance.now();
    // What the importer records for a changed description: that occupation (ImportReport.changedOccupations).
    const id = await recordDataChange({ databaseUrl, source: "import", occupationCodes: [role!.code] });
    for (;;) {
      if ((await (await fetch(url)).text()).includes(text)) break;
      if (performance.now() - committedAt > 30_000) throw new Error(`data change ${i} not visible through the front after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    times.push(performance.now() - committedAt);
    for (;;) {
      const [change] = await queryRows<{ seconds: number | null }>(
        databaseUrl,
        `SELECT EXTRACT(EPOCH FROM "frontRefreshedAt" - "createdAt")::float8 AS "seconds" FROM "DataChange" WHERE "id" = $1`,
        [id],
      );
      if (change?.seconds != null) {
        refreshSeconds.push(change.seconds);
        break;
      }
      if (performance.now() - committedAt > 300_000) throw new Error(`the front's refresh after data change ${i} did not end in 5 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { times, refreshSeconds, role: `/roles/${role!.slug}` };
}

async function codeOf(databaseUrl: string, slug: string): Promise<string> {
  return (await queryRows<{ code: string }>(databaseUrl, `SELECT "code" FROM "Occupation" WHERE "slug" = $1`, [slug]))[0]!.code;
}

async function pendingSubmissionOf(databaseUrl: string, authorId: string): Promise<string> {
  return (await queryRows<{ id: string }>(databaseUrl, `SELECT "id" FROM "Submission" WHERE "authorId" = $1 AND "status" = 'PENDING'`, [authorId]))[0]!.id;
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
