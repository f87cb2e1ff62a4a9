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

/** Milliseconds from the newest recorded data change until `url` shows `text` (read every 10 ms). */
async function visibleAfterChange(databaseUrl: string, url: string, text: string): Promise<number> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 10))) {
    if ((await (await fetch(url)).text()).includes(text)) break;
  }
  const seenAt = Date.now();
  const [change] = await queryRows<{ createdAt: Date }>(databaseUrl, `SELECT "createdAt" FROM "DataChange" ORDER BY "id" DESC LIMIT 1`);
  expect(change, "the import recorded its change").toBeDefined();
  return seenAt - change!.createdAt.getTime();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

test("without Redis (npm start's own file cache): an import in another process shows on the running app within a second, no restart", async () => {
  test.setTimeout(240_000);
  const app = await startPrivateApp("import-plain");
  try {
    const url = `${app.baseUrl}${SPROCKET.path}`;
    // Cached, and served from the cache, before the import.
    for (let i = 0; i < 2; i++) expect(await (await fetch(url)).text()).toContain(SPROCKET.description);
    const changed = "Inspect sprockets for defects, as the newly imported release says.";
    await importChangedDescription(app.databaseUrl, changed);
    const ms = await visibleAfterChange(app.databaseUrl, url, changed);
    console.log(`import to visible on a running npm start (no Redis): ${ms} ms`);
    expect(ms).toBeLessThan(VISIBLE_WITHIN_MS);
    // Its other representations too.
    expect(await (await fetch(`${app.baseUrl}/api/roles/${SPROCKET.code}`)).text()).toContain(changed);
  } finally {
    await app.stop();
  }
});

test("in the cluster: an import shows through the cache front and on every instance within a second of its commit", async () => {
  test.setTimeout(360_000);
  const cluster = await startTestCluster("import-front");
  try {
    const frontPage = `${cluster.frontUrl}${SPROCKET.path}`;
    const times: number[] = [];
    for (let round = 1; round <= 3; round++) {
      // Cached in the front (its second read is a HIT) and on both instances.
      await fetch(frontPage);
      expect(["HIT", "STALE", "UPDATING"]).toContain((await fetch(frontPage)).headers.get("x-cache-status"));
      for (const instance of cluster.instances) await (await fetch(`${instance.baseUrl}${SPROCKET.path}`)).arrayBuffer();
      const changed = `Inspect sprockets for defects (imported release, round ${round}).`;
      await importChangedDescription(cluster.databaseUrl, changed);
      times.push(await visibleAfterChange(cluster.databaseUrl, frontPage, changed));
      for (const instance of cluster.instances) expect(await (await fetch(`${instance.baseUrl}${SPROCKET.path}`)).text()).toContain(changed);
      // The front's refresh of the other pages ends before the next import.
      await expect.poll(async () => (await queryRows<{ done: boolean }>(cluster.databaseUrl, `SELECT "frontRefreshedAt" IS NOT NULL AS "done" FROM "DataChange" ORDER BY "id" DESC LIMIT 1`))[0]?.done, { timeout: 30_000 }).toBe(true);
    }
    console.log(`import to visible through the front: ${times.map((t) => `${t} ms`).join(", ")} (median ${median(times)} ms)`);
    expect(median(times)).toBeLessThan(VISIBLE_WITHIN_MS);
    expect(Math.max(...times)).toBeLessThan(2 * VISIBLE_WITHIN_MS);
  } finally {
    await cluster.stop();
  }
});
