import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { applyDataChange } from "./apply-data-change";
import { listenForDataChanges, type DataChangeListener, type DataChangeNotice } from "./listen-for-data-changes";
import { registerLoadedCache } from "./loaded-cache.cjs";
import { recordDataChange } from "./record-data-change";

// Two "app instances" are two listeners on one database, as two `next start` processes start
// them (instrumentation.ts); the change is recorded as `npm run data:import` does, from outside.
const database = useTestDatabase();

let listeners: DataChangeListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.map((listener) => listener.stop()));
  listeners = [];
});

interface Heard {
  change: DataChangeNotice;
  at: number;
}

async function startInstance(): Promise<Heard[]> {
  const heard: Heard[] = [];
  listeners.push(await listenForDataChanges({ databaseUrl: database.url, onChange: async (change) => void heard.push({ change, at: performance.now() }), onError: () => {}, reconnectMs: 200 }));
  return heard;
}

async function query(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe("data changes recorded by an import reach every running instance", () => {
  it("tells each instance once, within a second of the commit", { timeout: 30_000 }, async () => {
    const [first, second] = [await startInstance(), await startInstance()];
    const committed = performance.now();
    const id = await recordDataChange({ databaseUrl: database.url, source: "import" });
    await vi.waitFor(() => expect([first.length, second.length]).toEqual([1, 1]), { timeout: 1_000, interval: 10 });
    for (const heard of [first, second]) {
      expect(heard[0]!.change).toEqual({ id, source: "import" });
      expect(heard[0]!.at - committed).toBeLessThan(1_000);
    }
    // Nothing recorded before an instance started is replayed to it: it had nothing cached.
    expect(await startInstance()).toEqual([]);
  });

  it("catches up, in order and once each, on the changes recorded while its connection was lost", { timeout: 30_000 }, async () => {
    const heard = await startInstance();
    const before = await recordDataChange({ databaseUrl: database.url, source: "import" });
    await vi.waitFor(() => expect(heard.map((h) => h.change.id)).toEqual([before]), { timeout: 2_000, interval: 10 });
    // The database drops the listening connection (a restart, a failover): two changes land before it is back.
    await query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND datname = current_database()`);
    const missed = [await recordDataChange({ databaseUrl: database.url, source: "import" }), await recordDataChange({ databaseUrl: database.url, source: "restore" })];
    await vi.waitFor(() => expect(heard.map((h) => h.change.id)).toEqual([before, ...missed]), { timeout: 5_000, interval: 20 });
    expect(heard.map((h) => h.change.source)).toEqual(["import", "import", "restore"]);
  });
});

describe("applyDataChange", () => {
  it("drops this process's cached pages, and exactly one of two instances refreshes every page in the cache front", { timeout: 30_000 }, async () => {
    await seedOccupation("99-0001.00", "Test Widget Engineers");
    await seedOccupation("99-0002.00", "Test Gadget Fitters");
    const slugs = (await query(`SELECT "code", "slug" FROM "Occupation" ORDER BY "code"`)) as { code: string; slug: string }[];
    // A stand-in front: records what it is asked to fetch again, with which secret and from which instance.
    const refreshed: { path: string; secret: string | undefined; from: string | undefined }[] = [];
    const front = http.createServer((request, response) => {
      refreshed.push({ path: request.url!, secret: request.headers["x-careerwiki-refresh"] as string | undefined, from: request.headers["x-careerwiki-refresh-from"] as string | undefined });
      response.end("ok");
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    const saved = { ...process.env };
    Object.assign(process.env, { CACHE_REFRESH_URL: `http://127.0.0.1:${(front.address() as AddressInfo).port}`, CACHE_REFRESH_SECRET: "front-secret", PORT: "3107" });
    const revalidated: string[][] = [];
    registerLoadedCache({ revalidateTag: async (tags) => void revalidated.push(tags) });
    try {
      const id = await recordDataChange({ databaseUrl: database.url, source: "import" });
      const counts = await Promise.all([applyDataChange({ id, source: "import" }), applyDataChange({ id, source: "import" })]);
      // Each instance dropped its own copies; one of them refreshed the front.
      expect(revalidated).toEqual([
        ["_N_T_/layout", "role-pages", "roles"],
        ["_N_T_/layout", "role-pages", "roles"],
      ]);
      expect(counts.filter((count) => count > 0)).toHaveLength(1);
      const paths = refreshed.map((r) => r.path);
      // The home page first, then the role pages readers open, then the rest.
      expect(paths[0]).toBe("/");
      expect(new Set(paths)).toEqual(new Set(["/", "/sitemap.xml", "/changes.atom", ...slugs.flatMap(({ code, slug }) => [`/roles/${slug}`, `/roles/${slug}.md`, `/api/roles/${code}`])]));
      expect(paths).toHaveLength(3 + 3 * slugs.length);
      expect(new Set(refreshed.map((r) => `${r.secret} ${r.from}`))).toEqual(new Set(["front-secret 127.0.0.1:3107"]));
      expect(await query(`SELECT "frontRefreshedBy" FROM "DataChange" WHERE "id" = $1`, [id])).toEqual([{ frontRefreshedBy: expect.stringMatching(/:3107:\d+$/) }]);
    } finally {
      process.env = saved;
      registerLoadedCache(undefined as never);
      await new Promise((resolve) => front.close(resolve));
    }
  });
});
