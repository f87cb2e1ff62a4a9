import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startTestCluster } from "../../tests/support/e2e/cluster";
import { writeE2eDatasets } from "../../tests/support/e2e/e2e-datasets";
import { startPrivateApp } from "../../tests/support/e2e/private-app";
import { queryRows } from "../../tests/support/query-rows";

// `npm run data:import` in another process while the app runs: the new data reaches every
// running instance, and the cache front, within a second of the import's commit, with Next's
// own file cache (`npm start`, no Redis) and in the cluster (Redis, nginx in front). The
// clock starts at the data change the importer records after its commit
// (lib/cache/record-data-change.ts) and stops when the page shows the new text.

const SPROCKET = { code: "99-0003.00", path: "/roles/test-sprocket-inspectors", description: "Inspect sprockets for defects." };
const VISIBLE_WITHIN_MS = 1_000;

/** The e2e fixture datasets with the sprocket inspectors' O*NET description changed to `description`, imported as an operator would. */
async function importChangedDescription(databaseUrl: string, description: string): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-e2e-import-"));
  try {
    await writeE2eDatasets(dir);
    const file = path.join(dir, "onet", "Occupation Data.txt");
    const original = await readFile(file, "utf8");
    expect(original).toContain(SPROCKET.description);
    await writeFile(file, original.replace(SPROCKET.description, description));
    const output: string[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      // No REDIS_URL, and no build folder of ours to clean: only the instances' listeners can make the change show.
      const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/import.ts", "--dir", dir, "--only", "onet"], {
        env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: "", NEXT_DIST_DIR: path.join(dir, "no-build") },
        stdio: ["ignore", "pipe", "pipe"],
      });
      for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      child.on("error", reject);
      child.on("exit", resolve);
    });
    expect(code, output.join("")).toBe(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Visibility {
  /** From the commit until the first request that got the new text was sent: when the app (or the front) had the change. */
  requestedAfter: number;
  /** From the commit until that answer arrived: what a reader waits, the render of the page included. */
  visibleAfter: number;
  /** From the commit until the last request that still got the old text was sent (negative: none after the commit). */
  lastOldRequestedAfter: number;
}

/**
 * Reads each of `urls` every 10 ms (one request at a time each) from before the import until it
 * shows `text`, while `importing` runs; times each from the data change the import recorded.
 */
async function watchImport(databaseUrl: string, urls: readonly string[], text: string, importing: Promise<void>): Promise<Visibility[]> {
  const watch = async (url: string) => {
    let lastOldRequestedAt = 0;
    // The import itself (a process of its own, the fixture files written and read) takes a minute or more on a busy machine.
    for (const deadline = Date.now() + 240_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 10))) {
      const requestedAt = Date.now();
      if ((await (await fetch(url)).text()).includes(text)) return { requestedAt, seenAt: Date.now(), lastOldRequestedAt };
      lastOldRequestedAt = requestedAt;
    }
    throw new Error(`${url} did not show the imported text within 4 minutes`);
  };
  const [seen] = await Promise.all([Promise.all(urls.map(watch)), importing]);
  const [change] = await queryRows<{ createdAt: Date }>(databaseUrl, `SELECT "createdAt" FROM "DataChange" ORDER BY "id" DESC LIMIT 1`);
  expect(change, "the import recorded its change").toBeDefined();
  const committedAt = change!.createdAt.getTime();
  return seen.map(({ requestedAt, seenAt, lastOldRequestedAt }) => ({ requestedAfter: requestedAt - committedAt, visibleAfter: seenAt - committedAt, lastOldRequestedAfter: lastOldRequestedAt - committedAt }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

test("without Redis (npm start's own file cache): an import in another process shows on the running app within a second, no restart", async () => {
  test.setTimeout(480_000);
  const app = await startPrivateApp("import-plain");
  try {
    const url = `${app.baseUrl}${SPROCKET.path}`;
    // Cached, and served from the cache, before the import.
    for (let i = 0; i < 2; i++) expect(await (await fetch(url)).text()).toContain(SPROCKET.description);
    const changed = "Inspect sprockets for defects, as the newly imported release says.";
    const [seen] = await watchImport(app.databaseUrl, [url], changed, importChangedDescription(app.databaseUrl, changed));
    console.log(`import on a running npm start (no Redis), ms after the commit: ${JSON.stringify(seen)}`);
    // Every request sent a second after the commit gets the new page (the first one renders it).
    expect(seen!.requestedAfter).toBeLessThan(VISIBLE_WITHIN_MS);
    // Its other representations too.
    expect(await (await fetch(`${app.baseUrl}/api/roles/${SPROCKET.code}`)).text()).toContain(changed);
  } finally {
    await app.stop();
  }
});

test("in the cluster: an import shows through the cache front and on every instance within a second of its commit", async () => {
  test.setTimeout(900_000);
  const cluster = await startTestCluster("import-front");
  try {
    const frontPage = `${cluster.frontUrl}${SPROCKET.path}`;
    const rounds: { front: Visibility; instances: Visibility[] }[] = [];
    for (let round = 1; round <= 3; round++) {
      // Cached in the front (its second read is a HIT) and on both instances.
      await fetch(frontPage);
      expect(["HIT", "STALE", "UPDATING"]).toContain((await fetch(frontPage)).headers.get("x-cache-status"));
      const instancePages = cluster.instances.map((instance) => `${instance.baseUrl}${SPROCKET.path}`);
      for (const page of instancePages) await (await fetch(page)).arrayBuffer();
      const changed = `Inspect sprockets for defects (imported release, round ${round}).`;
      const [front, ...instances] = await watchImport(cluster.databaseUrl, [frontPage, ...instancePages], changed, importChangedDescription(cluster.databaseUrl, changed));
      rounds.push({ front: front!, instances });
      // The front's refresh of the other pages ends before the next import.
      await expect.poll(async () => (await queryRows<{ done: boolean }>(cluster.databaseUrl, `SELECT "frontRefreshedAt" IS NOT NULL AS "done" FROM "DataChange" ORDER BY "id" DESC LIMIT 1`))[0]?.done, { timeout: 30_000 }).toBe(true);
    }
    console.log(`import in the cluster, ms after the commit: ${JSON.stringify(rounds)}`);
    // Each instance serves the new page to every request sent within a second of the commit.
    for (const instance of [0, 1]) expect(median(rounds.map((r) => r.instances[instance]!.requestedAfter))).toBeLessThan(VISIBLE_WITHIN_MS);
    // The front has it once the claiming instance has rendered it again for the refresh: a second
    // plus that render; the micro-cache alone would take 1–2 s, then serve the old copy once more.
    expect(median(rounds.map((r) => r.front.requestedAfter))).toBeLessThan(2 * VISIBLE_WITHIN_MS);
  } finally {
    await cluster.stop();
  }
});
