import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { applyDataChange } from "./apply-data-change";
import { EVERY_PAGE_TAGS, ROLE_SUMMARIES_TAG, roleCacheTag } from "./cache-tags";
import { listenForDataChanges, type DataChangeListener, type DataChangeNotice } from "./listen-for-data-changes";
import { registerLoadedCache } from "./loaded-cache.cjs";
import { recordDataChange, recordDataChangeIn } from "./record-data-change";

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
    const id = await recordDataChange({ databaseUrl: database.url, source: "import", occupationCodes: null });
    await vi.waitFor(() => expect([first.length, second.length]).toEqual([1, 1]), { timeout: 1_000, interval: 10 });
    for (const heard of [first, second]) {
      expect(heard[0]!.change).toEqual({ id, source: "import", everyPage: true, occupationCodes: [], paths: [] });
      expect(heard[0]!.at - committed).toBeLessThan(1_000);
    }
    // Nothing recorded before an instance started is replayed to it: it had nothing cached.
    expect(await startInstance()).toEqual([]);
  });

  it("hears two changes that commit in the other order than their ids", { timeout: 30_000 }, async () => {
    const heard = await startInstance();
    const ids = () => heard.map(({ change }) => change.id);
    // The first change's transaction takes its id and waits (an expiry job's, say); an import's commits meanwhile.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstId = 0;
    const slow = prisma.$transaction(
      async (tx) => {
        firstId = await recordDataChangeIn(tx, { source: "verification-expiry", occupationCodes: null });
        await gate;
      },
      { timeout: 20_000 },
    );
    await vi.waitFor(() => expect(firstId).toBeGreaterThan(0));
    const secondId = await recordDataChange({ databaseUrl: database.url, source: "import", occupationCodes: null });
    expect(secondId).toBeGreaterThan(firstId);
    await vi.waitFor(() => expect(ids()).toEqual([secondId]), { timeout: 5_000, interval: 10 });
    release();
    await slow;
    await vi.waitFor(() => expect(ids()).toEqual([secondId, firstId]), { timeout: 5_000, interval: 10 });
  });

  it("catches up, in order and once each, on the changes recorded while its connection was lost", { timeout: 30_000 }, async () => {
    const heard = await startInstance();
    const before = await recordDataChange({ databaseUrl: database.url, source: "import", occupationCodes: null });
    await vi.waitFor(() => expect(heard.map((h) => h.change.id)).toEqual([before]), { timeout: 2_000, interval: 10 });
    // The database drops the listening connection (a restart, a failover): two changes land before it is back.
    await query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND datname = current_database()`);
    const missed = [await recordDataChange({ databaseUrl: database.url, source: "import", occupationCodes: null }), await recordDataChange({ databaseUrl: database.url, source: "import --release", occupationCodes: null })];
    await vi.waitFor(() => expect(heard.map((h) => h.change.id)).toEqual([before, ...missed]), { timeout: 5_000, interval: 20 });
    expect(heard.map((h) => h.change.source)).toEqual(["import", "import", "import --release"]);
  });
});

describe("applyDataChange", () => {
  it("names the changed occupations and those whose related careers show them", { timeout: 30_000 }, async () => {
    const heard = await startInstance();
    await seedOccupation("99-0001.00", "Test Widget Engineers");
    await query(`INSERT INTO "RelatedOccupation" ("releaseId", "occupationCode", "relatedCode", "tier", "position") SELECT "id", '99-0009.00', '99-0001.00', 'Primary-Short', 1 FROM "DatasetRelease" WHERE "dataset" = 'onet'`);
    const id = await recordDataChange({ databaseUrl: database.url, source: "import", occupationCodes: ["99-0001.00", "99-0002.00"] });
    await vi.waitFor(() => expect(heard.map((h) => h.change)).toEqual([{ id, source: "import", everyPage: false, occupationCodes: ["99-0001.00", "99-0002.00", "99-0009.00"], paths: [] }]), { timeout: 2_000, interval: 10 });
  });

  it("drops this process's cached pages, and exactly one of two instances refreshes the pages in the cache front", { timeout: 60_000 }, async () => {
    await seedOccupation("99-0011.00", "Test Sprocket Fitters");
    await seedOccupation("99-0012.00", "Test Gadget Fitters");
    const roles = (await query(`SELECT "code", "slug" FROM "Occupation" ORDER BY "code"`)) as { code: string; slug: string }[];
    // A stand-in front: records what it is asked to fetch again, with which secret and from which instance.
    const refreshed: { path: string; encoding: string; secret: string | undefined; from: string | undefined }[] = [];
    const front = http.createServer((request, response) => {
      refreshed.push({
        path: request.url!,
        encoding: request.headers["accept-encoding"] ?? "",
        secret: request.headers["x-careerwiki-refresh"] as string | undefined,
        from: request.headers["x-careerwiki-refresh-from"] as string | undefined,
      });
      response.end("ok");
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    const saved = { ...process.env };
    Object.assign(process.env, { CACHE_REFRESH_URL: `http://127.0.0.1:${(front.address() as AddressInfo).port}`, CACHE_REFRESH_SECRET: "front-secret", PORT: "3107" });
    const revalidated: string[][] = [];
    registerLoadedCache({ revalidateTag: async (tags) => void revalidated.push(tags) });
    /** Two instances hear of the change at once. */
    const applyTwice = async (occupationCodes: string[] | null) => {
      const id = await recordDataChange({ databaseUrl: database.url, source: "import", occupationCodes });
      const [change] = (await query(`SELECT "id", "source", "everyPage", "occupationCodes", "paths" FROM "DataChange" WHERE "id" = $1`, [id])) as DataChangeNotice[];
      revalidated.length = 0;
      refreshed.length = 0;
      const counts = await Promise.all([applyDataChange(change!), applyDataChange(change!)]);
      expect(counts.filter((count) => count > 0)).toHaveLength(1);
      expect(new Set(refreshed.map((r) => `${r.secret} ${r.from}`))).toEqual(new Set(["front-secret 127.0.0.1:3107"]));
      expect(await query(`SELECT "frontRefreshedBy", "frontRefreshedAt" FROM "DataChange" WHERE "id" = $1`, [id])).toEqual([{ frontRefreshedBy: expect.stringMatching(/:3107:\d+$/), frontRefreshedAt: expect.any(Date) }]);
      // The front keeps a gzip and a plain copy of each page: every path is fetched in both.
      const paths = refreshed.map((r) => r.path);
      for (const path of new Set(paths)) expect(refreshed.filter((r) => r.path === path).map((r) => r.encoding).sort(), path).toEqual(["gzip", "identity"]);
      return paths;
    };
    try {
      // Any page may have changed: every cached page goes, and the front fetches every page again, the home page first.
      const everything = await applyTwice(null);
      expect(revalidated).toEqual([EVERY_PAGE_TAGS, EVERY_PAGE_TAGS]);
      expect(everything[0]).toBe("/");
      expect(new Set(everything)).toEqual(new Set(["/", "/sitemap.xml", "/changes.atom", ...roles.flatMap(({ code, slug }) => [`/roles/${slug}`, `/roles/${slug}/technology`, `/roles/${slug}.md`, `/api/roles/${code}`])]));
      expect(everything).toHaveLength(2 * (3 + 4 * roles.length));

      // One occupation changed: its representations and the lists of roles, its page first; the other role's stay cached.
      const changed = roles.find((role) => role.code === "99-0012.00");
      const unchanged = roles.find((role) => role.code === "99-0011.00");
      const one = await applyTwice([changed!.code]);
      expect(revalidated).toEqual([
        [roleCacheTag(changed!.code), ROLE_SUMMARIES_TAG],
        [roleCacheTag(changed!.code), ROLE_SUMMARIES_TAG],
      ]);
      expect(one[0]).toBe(`/roles/${changed!.slug}`);
      expect(new Set(one)).toEqual(new Set([`/roles/${changed!.slug}`, "/", "/sitemap.xml", "/changes.atom", `/roles/${changed!.slug}/technology`, `/roles/${changed!.slug}.md`, `/api/roles/${changed!.code}`]));
      expect(one.some((path) => path.includes(unchanged!.slug) || path.includes(unchanged!.code))).toBe(false);
    } finally {
      process.env = saved;
      registerLoadedCache(undefined as never);
      await new Promise((resolve) => front.close(resolve));
    }
  });
});
