import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteRedisKeys, expectRedisAnswers, TEST_REDIS_URL, testRedisKeyPrefix } from "@/tests/support/test-redis";
import { roleCacheTag } from "./cache-tags";

// The cache handler as two app instances load it (REDIS_URL set): each a fresh copy of the
// module and of the library (its configuration is per process), each its own Redis client,
// on the machine's Redis under a key prefix of this test's own.
const require = createRequire(import.meta.url);

interface NextCacheHandler {
  get(key: string, ctx: { kind: string; softTags: string[] }): Promise<{ value: { kind: string; html?: string; status?: number }; cacheControl?: unknown } | null>;
  set(key: string, value: unknown, ctx: { cacheControl: { revalidate: number; expire: number } }): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}

const keyPrefix = testRedisKeyPrefix("cache-handler");
const saved = { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX };
let dir: string;

/** A new app instance of the build `buildId`: the handler as Next constructs it. */
async function startInstance(buildId: string): Promise<NextCacheHandler> {
  const distDir = await mkdtemp(path.join(dir, "instance-"));
  await mkdir(path.join(distDir, "server"));
  await writeFile(path.join(distDir, "BUILD_ID"), buildId);
  for (const loaded of Object.keys(require.cache)) {
    if (loaded.includes(`${path.sep}@fortedigital${path.sep}`) || loaded.endsWith("cache-handler.cjs") || loaded.endsWith("redis-cache.cjs")) delete require.cache[loaded];
  }
  const Handler = require("./cache-handler.cjs") as new (context: object) => NextCacheHandler;
  return new Handler({ serverDistDir: path.join(distDir, "server"), dev: false });
}

const ROLE = "99-0001.00";
const page = (html: string, status?: number) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(`rsc of ${html}`),
  headers: { "x-next-cache-tags": `${roleCacheTag(ROLE)},_N_T_/layout,_N_T_/roles/[slug]/page` },
  status,
  postponed: undefined,
  segmentData: undefined,
});
const routeAnswer = (status: number) => ({ kind: "APP_ROUTE", body: Buffer.from("{}"), status, headers: { "content-type": "application/json", "x-next-cache-tags": `${roleCacheTag(ROLE)},role-pages` } });
const hour = { cacheControl: { revalidate: 3600, expire: 7200 } };
const read = (instance: NextCacheHandler, key: string, kind = "APP_PAGE") => instance.get(key, { kind, softTags: [] });

beforeAll(async () => {
  await expectRedisAnswers();
  dir = await mkdtemp(path.join(tmpdir(), "careerwiki-cache-handler-"));
  process.env.REDIS_URL = TEST_REDIS_URL;
  process.env.REDIS_KEY_PREFIX = keyPrefix;
});

afterAll(async () => {
  Object.assign(process.env, saved);
  for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
  await deleteRedisKeys(keyPrefix);
  await rm(dir, { recursive: true, force: true });
});

describe("the Redis cache handler of several instances", () => {
  it("shares one instance's page with another of the same build, and a tag revalidation drops it for both at once", async () => {
    const [first, second] = [await startInstance("build-a"), await startInstance("build-a")];
    await first.set("/roles/shared", page("<p>before the approval</p>"), hour);
    const entry = await read(second, "/roles/shared");
    expect(entry?.value.html).toBe("<p>before the approval</p>");
    // With the lifetime the first instance rendered it with: the second serves it fresh for as long.
    expect(entry?.cacheControl).toEqual(hour.cacheControl);
    expect(entry?.value).not.toHaveProperty("careerwikiCacheControl");

    // revalidateRole on the first instance, as an approval does.
    await first.revalidateTag(roleCacheTag(ROLE), { expire: 0 });
    expect(await read(second, "/roles/shared")).toBeNull();
    expect(await read(first, "/roles/shared")).toBeNull();

    // An import's revalidation of the root layout (an implicit tag) reaches the other instance too.
    // (Rendered by a request that began after the approval: Next constructs a handler per request.)
    await new Promise((resolve) => setTimeout(resolve, 5));
    await (await startInstance("build-a")).set("/roles/shared", page("<p>after the approval</p>"), hour);
    expect((await read(first, "/roles/shared"))?.value.html).toBe("<p>after the approval</p>");
    await first.revalidateTag("_N_T_/layout");
    expect(await read(second, "/roles/shared")).toBeNull();
  });

  it("drops a route handler's answer (the JSON and Markdown exports) by its tags too", async () => {
    const [first, second] = [await startInstance("build-a"), await startInstance("build-a")];
    await first.set("/api/roles/export", routeAnswer(200), hour);
    expect((await read(second, "/api/roles/export", "APP_ROUTE"))?.value.status).toBe(200);
    await second.revalidateTag(roleCacheTag(ROLE), { expire: 0 });
    expect(await read(first, "/api/roles/export", "APP_ROUTE")).toBeNull();
  });

  it("never shares entries between builds (a page names its build's scripts)", async () => {
    const [old, next] = [await startInstance("build-old"), await startInstance("build-new")];
    await old.set("/roles/built", page("<p>old build</p>"), hour);
    expect(await read(next, "/roles/built")).toBeNull();
  });

  it("stores no page or route answer that failed: only successes and deliberate redirects", async () => {
    const [first, second] = [await startInstance("build-a"), await startInstance("build-a")];
    await first.set("/roles/no-such-role", page("<p>not found</p>", 404), hour);
    await first.set("/api/roles/99-0001.00", routeAnswer(405), hour);
    await first.set("/api/roles/99-0002.00", routeAnswer(500), hour);
    await first.set("/roles/99-0001.00", page("", 308), hour);
    await first.set("/roles/rendered", page("<p>ok</p>", 200), hour);
    for (const [key, kind] of [["/roles/no-such-role", "APP_PAGE"], ["/api/roles/99-0001.00", "APP_ROUTE"], ["/api/roles/99-0002.00", "APP_ROUTE"]] as const) {
      expect(await read(second, key, kind), key).toBeNull();
    }
    expect((await read(second, "/roles/99-0001.00"))?.value.status).toBe(308);
    expect((await read(second, "/roles/rendered"))?.value.html).toBe("<p>ok</p>");
    // Nothing of the refused answers reached Redis at all.
    const client = createClient({ url: TEST_REDIS_URL });
    await client.connect();
    try {
      const keys = await client.keys(`${keyPrefix}build-a:*`);
      expect(keys).toContain(`${keyPrefix}build-a:/roles/rendered`);
      for (const refused of ["/roles/no-such-role", "/api/roles/99-0001.00", "/api/roles/99-0002.00"]) expect(keys).not.toContain(`${keyPrefix}build-a:${refused}`);
    } finally {
      client.destroy();
    }
  });

  it("drops a page whose render began before another instance revalidated its tag, though it was stored after (e2e/operations/approval-during-render.spec.ts)", async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Next constructs the handler as a request starts: the render of this instance begins here.
    const straddling = await startInstance("build-a");
    await sleep(5);
    const approving = await startInstance("build-a");
    await approving.revalidateTag(roleCacheTag(ROLE), { expire: 0 });
    // The render ends after the revalidation, with the page of the data it read before.
    await straddling.set("/roles/straddling", page("<p>before the approval</p>"), hour);
    await straddling.set("/api/roles/straddling", routeAnswer(200), hour);
    expect(await read(approving, "/roles/straddling")).toBeNull();
    expect(await read(await startInstance("build-a"), "/api/roles/straddling", "APP_ROUTE")).toBeNull();

    // A render that begins after the revalidation is kept, and shared.
    await sleep(5);
    const later = await startInstance("build-a");
    await later.set("/roles/straddling", page("<p>after the approval</p>"), hour);
    expect((await read(approving, "/roles/straddling"))?.value.html).toBe("<p>after the approval</p>");
    expect((await read(later, "/roles/straddling"))?.value.html).toBe("<p>after the approval</p>");
  });
});
