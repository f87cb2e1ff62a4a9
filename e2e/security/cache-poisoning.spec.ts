import { readdir } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { QueryResultRow } from "pg";
import { startPrivateApp, type PrivateApp } from "../../tests/support/e2e/private-app";
import { queryRows } from "../../tests/support/query-rows";

// Only what a GET answered with success (or a deliberate redirect) may enter Next's cache,
// and unknown addresses store nothing. Every test needs addresses nobody has requested yet,
// and one counts the files Next writes, so this spec runs its own `next start` on a private
// copy of the build (a cold cache) and a database of its own.

let app: PrivateApp;
let roles: { code: string; slug: string; title: string }[];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  app = await startPrivateApp("cache_poisoning");
  roles = await query<{ code: string; slug: string; title: string }>(`SELECT "code", "slug", "title" FROM "Occupation" ORDER BY "code"`);
  expect(roles.length).toBeGreaterThanOrEqual(8);
});

test.afterAll(async () => {
  await app?.stop();
});

const query = <Row extends QueryResultRow>(sql: string, values: unknown[] = []) => queryRows<Row>(app.databaseUrl, sql, values);

const get = (pathname: string, init?: RequestInit) => fetch(`${app.baseUrl}${pathname}`, { redirect: "manual", ...init });

/** Every file under the served build folder (pages, route answers, data cache). */
async function countFiles(dir = app.distDir): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) count += entry.isDirectory() ? await countFiles(path.join(dir, entry.name)) : 1;
  return count;
}

const OTHER_METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

test("on a cold cache, no method but GET and HEAD decides what a cached address answers", async () => {
  test.setTimeout(60_000);
  // Each representation on a role nobody has requested: the Markdown export (by its public
  // address and by the route it is rewritten to), the JSON API and the page.
  const [markdown, markdownRoute, json, page, headFirst] = roles;
  const exports = [
    { path: `/roles/${markdown!.slug}.md`, shows: `# ${markdown!.title}` },
    { path: `/api/roles-markdown/${markdownRoute!.slug}`, shows: `# ${markdownRoute!.title}` },
    { path: `/api/roles/${json!.code}`, shows: `"code":"${json!.code}"` },
  ];
  const pagePath = `/roles/${page!.slug}`;
  for (const { path: address } of exports) {
    for (const method of OTHER_METHODS) {
      const refused = await get(address, { method });
      expect(refused.status, `${method} ${address}`).toBe(method === "OPTIONS" ? 204 : 405);
      expect(refused.headers.get("allow"), `${method} ${address}`).toBe("GET, HEAD, OPTIONS");
    }
  }
  // A page renders the same whatever the method (nothing in it reads the request), and the
  // proxy stays off page views (lib/security/refuse-method-on-cached-path.ts): what matters is
  // that the GET after them is the page.
  for (const method of OTHER_METHODS) await (await get(pagePath, { method })).arrayBuffer();
  for (const { path: address, shows } of [...exports, { path: pagePath, shows: `<h1>${page!.title}</h1>` }]) {
    for (const attempt of ["first GET", "second GET"]) {
      const answer = await get(address);
      expect(answer.status, `${attempt} ${address}`).toBe(200);
      expect(await answer.text(), `${attempt} ${address}`).toContain(shows);
    }
    expect((await get(address)).headers.get("x-nextjs-cache"), address).toBe("HIT");
  }
  // HEAD renders the GET answer; the cached entry has its body.
  expect((await get(`/api/roles/${headFirst!.code}`, { method: "HEAD" })).status).toBe(200);
  expect(await (await get(`/api/roles/${headFirst!.code}`)).json()).toMatchObject({ code: headFirst!.code });
});

test("a 404 is not remembered: an occupation imported after one was asked for is served at once", async () => {
  const late = { code: "99-0799.00", slug: "test-late-arrivals", title: "Test Late Arrivals" };
  const addresses = [`/roles/${late.slug}`, `/roles/${late.slug}.md`, `/api/roles/${late.code}`];
  for (const address of addresses) expect((await get(address)).status, address).toBe(404);

  const [onet] = await query<{ id: number }>(`SELECT "id" FROM "DatasetRelease" WHERE "dataset" = 'onet' ORDER BY "id" DESC LIMIT 1`);
  await query(`INSERT INTO "Occupation" ("code", "slug", "title", "majorGroup", "updatedAt") VALUES ($1, $2, $3, '99', now())`, [late.code, late.slug, late.title]);
  await query(`INSERT INTO "OnetOccupation" ("releaseId", "code", "title", "description") VALUES ($1, $2, $3, 'Arrive after the cache.')`, [onet!.id, late.code, late.title]);

  for (const address of addresses) {
    const answer = await get(address);
    expect(answer.status, address).toBe(200);
    expect(await answer.text(), address).toContain(late.title);
  }
});

test("unknown slugs and codes store nothing: 100 unknown addresses leave the build folder as it was", async () => {
  test.setTimeout(120_000);
  const unknown = (n: number) => {
    const id = `${n}`.padStart(3, "0");
    return [`/roles/no-such-role-${id}`, `/roles/no-such-role-${id}.md`, `/api/roles/98-9${id}.00`, `/roles/98-8${id}.00`, `/api/roles-markdown/no-such-export-${id}`, `/api/roles/not-a-code-${id}`][n % 6]!;
  };
  // One of each kind first: Next copies a few shared files of its own (the 404 page) on first use.
  for (let n = 0; n < 6; n++) await get(unknown(1000 + n));
  const before = await countFiles();
  const statuses = new Map<number, number>();
  for (let n = 0; n < 100; n++) {
    const answer = await get(unknown(n));
    await answer.arrayBuffer();
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  }
  const after = await countFiles();
  console.log(`cache-poisoning: 100 unknown addresses answered ${JSON.stringify(Object.fromEntries(statuses))}; files under the build: ${before} before, ${after} after`);
  expect([...statuses.keys()].every((status) => status === 404 || status === 422)).toBe(true);
  expect(after - before).toBe(0);
});

test("a code or an old slug redirects with one Location, on a cold cache and from the cache, and a standard client lands on the page", async () => {
  test.setTimeout(60_000);
  const [moved] = roles;
  await query(`INSERT INTO "SlugRedirect" ("slug", "occupationCode") VALUES ('test-widget-engineers-old-name', $1), ('test-widget-engineers-older-name', $1)`, [moved!.code]);
  const redirects = [
    ...roles.map((role) => ({ from: `/roles/${role.code}`, to: `/roles/${role.slug}` })),
    { from: "/roles/test-widget-engineers-old-name", to: `/roles/${moved!.slug}` },
    { from: "/roles/test-widget-engineers-older-name", to: `/roles/${moved!.slug}` },
  ];
  const follow = async (from: string) => {
    const followed = await fetch(`${app.baseUrl}${from}`);
    expect([followed.status, new URL(followed.url).pathname], `followed ${from}`).toEqual([200, redirects.find((r) => r.from === from)!.to]);
  };
  const manual = async (from: string, attempt: string) => {
    const answer = await get(from);
    expect(answer.status, `${attempt} ${from}`).toBe(308);
    // Node's Headers joins repeated headers with ", ": one value means one header.
    expect(answer.headers.get("location"), `${attempt} ${from}`).toBe(redirects.find((r) => r.from === from)!.to);
  };
  // Half of the addresses are first asked for without following (as a crawler does), half
  // followed at once (as an API client does); then each again, from the cache.
  for (const [index, { from }] of redirects.entries()) {
    if (index % 2 === 0) await manual(from, "cold");
    else await follow(from);
    await manual(from, "cached");
    await follow(from);
  }
});

test("/favicon.ico is a real icon", async () => {
  const icon = await get("/favicon.ico");
  expect(icon.status).toBe(200);
  expect(icon.headers.get("content-type")).toMatch(/^image\//);
  const bytes = new Uint8Array(await icon.arrayBuffer());
  expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]);
});
