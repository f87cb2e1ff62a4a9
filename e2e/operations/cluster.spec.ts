import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort } from "../../lib/db/find-free-port";
import { startFront } from "../../scripts/lib/nginx-front";
import { startTestCluster, type TestCluster } from "../../tests/support/e2e/cluster";
import { E2E_EXTRA_OCCUPATIONS } from "../../tests/support/e2e/e2e-datasets";
import { callServerAction, findServerAction, formData, listServerActions } from "../../tests/support/e2e/server-actions";
import { queryRows } from "../../tests/support/query-rows";
import { seedUser, type SeededUser } from "../../tests/support/seed-users";
import { magicLinkFrom, waitForMessage } from "../../tests/support/smtp-capture";

// The production set on one machine, as `npm run start:cluster` runs it: nginx with
// deploy/nginx/careerwiki.conf in front of two instances of the e2e build (each with its own
// copy, as two machines), on a database of their own. Serial: the last test stops an instance.

test.describe.configure({ mode: "serial" });

const occupation = E2E_EXTRA_OCCUPATIONS.find((o) => o.code === "99-0601.00")!;
const ROLE = "/roles/test-cache-couriers";
const CORRECTED = "Carry cached pages from the front to every reader within a second.";

let cluster: TestCluster;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startTestCluster("front");
});

test.afterAll(async () => {
  await cluster?.stop();
});

const front = (address: string) => `${cluster.frontUrl}${address}`;
/** Answered from the front's cache without waiting for an instance: fresh, or past its second and being refreshed. */
const FROM_CACHE = ["HIT", "STALE", "UPDATING"];
const cookieHeader = (user: SeededUser) => `${user.cookie.name}=${user.cookie.value}`;

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, redirect: "manual" });
  return { status: response.status, cache: response.headers.get("x-cache-status"), body: await response.text(), headers: response.headers };
}

/**
 * A reader's GET as a browser sends it: when the server closed the kept-alive connection it went
 * out on before any answer (nginx's graceful reload closes idle connections, and the health
 * watcher reloads it when an instance goes out or comes back), it is sent again on a new
 * connection. Returns the status.
 */
async function readAsBrowser(url: string, onResend: () => void): Promise<number> {
  try {
    return (await get(url)).status;
  } catch (error) {
    const code = ((error as Error).cause as { code?: string } | undefined)?.code;
    if (code !== "UND_ERR_SOCKET" && code !== "ECONNRESET") throw error;
    onResend();
    return new Promise((resolve, reject) => {
      http.get(url, { agent: false }, (response) => response.resume().once("end", () => resolve(response.statusCode!))).once("error", reject);
    });
  }
}

test("a reader's page, its exports and the feed are served from the front: the second GET comes from its cache (a HIT), HEAD too", async () => {
  for (const address of [ROLE, `${ROLE}.md`, `/api/roles/${occupation.code}`, "/changes.atom", "/"]) {
    const first = await get(front(address));
    expect(first.status, address).toBe(200);
    const second = await get(front(address));
    expect(FROM_CACHE, address).toContain(second.cache);
    expect(second.body, address).toBe(first.body);
  }
  // Compressed once by the app and cached apart: a client that accepts gzip gets the gzip
  // copy, one that does not the plain one, each from the cache.
  for (const encoding of ["gzip", "identity"]) {
    await get(front(ROLE), { "Accept-Encoding": encoding });
    const again = await get(front(ROLE), { "Accept-Encoding": encoding });
    expect(FROM_CACHE, encoding).toContain(again.cache);
    expect(again.headers.get("content-encoding"), encoding).toBe(encoding === "gzip" ? "gzip" : null);
    expect(again.body, encoding).toContain("</html>");
  }
  const head = await fetch(front(ROLE), { method: "HEAD" });
  expect(FROM_CACHE).toContain(head.headers.get("x-cache-status"));
  // Pages rendered per request are never stored.
  expect((await get(front("/search?q=courier"))).cache).toBe("BYPASS");
});

test("an approval made through instance A is visible through the front within 1 s", async () => {
  const [instanceA] = cluster.instances;
  const contributor = await seedUser({ databaseUrl: cluster.databaseUrl, role: "CONTRIBUTOR", baseUrl: cluster.frontUrl });
  const moderator = await seedUser({ databaseUrl: cluster.databaseUrl, role: "MODERATOR", baseUrl: cluster.frontUrl });
  const actions = listServerActions(".next-e2e");
  await get(front(ROLE));
  expect(FROM_CACHE).toContain((await get(front(ROLE))).cache);
  // As a running instance would be: its routes loaded and compiled (a first render costs seconds on a busy machine).
  for (const address of [ROLE, `${ROLE}.md`, `/api/roles/${occupation.code}`]) await get(`${instanceA!.baseUrl}${address}`);

  // Straight to instance A, as the site (the Origin is the front's). Three approvals: the
  // median is judged, so one render slowed by a busy machine does not decide.
  const call = async (user: SeededUser, file: string, name: string, args: unknown[]) => {
    const answer = await callServerAction({ baseUrl: instanceA!.baseUrl, origin: cluster.frontUrl, action: findServerAction(actions, file, name), args, cookie: cookieHeader(user) });
    expect(answer.value, name).toMatchObject({ ok: true });
  };
  const visibleAfter: number[] = [];
  for (let round = 0; round < 3; round++) {
    const corrected = `${CORRECTED} (${round + 1})`;
    await call(contributor, "app/(contributor)/contribute/actions.ts", "submitCorrectionAction", [
      null,
      formData({ occupationCode: occupation.code, field: "DESCRIPTION", operation: "CHANGE", proposedValue: corrected, rationale: "Readers behind the front must see approvals at once.", baseRevisionNumber: String(round) }),
    ]);
    await call(moderator, "app/(moderation)/moderation/actions.ts", "approveSubmissionAction", [null, formData({ submissionId: await pendingSubmissionOf(contributor.id) })]);
    const approvedAt = performance.now();
    // Both cached copies: the gzip one browsers get and the plain one.
    const bothCopiesShow = async () => (await Promise.all(["gzip", "identity"].map(async (encoding) => (await get(front(ROLE), { "Accept-Encoding": encoding })).body))).every((body) => body.includes(corrected));
    await expect.poll(bothCopiesShow, { timeout: 5_000, intervals: [20] }).toBe(true);
    visibleAfter.push(performance.now() - approvedAt);
    // The exports and the feed are refreshed right after the page.
    for (const address of [`/api/roles/${occupation.code}`, `${ROLE}.md`, "/changes.atom"]) {
      await expect.poll(async () => (await get(front(address))).body.includes(address === "/changes.atom" ? `test-cache-couriers/history#r${round + 1}` : corrected), { timeout: 3_000, intervals: [50] }).toBe(true);
    }
  }
  console.log(`cluster: approvals visible through the front after ${visibleAfter.map((ms) => Math.round(ms)).join(", ")} ms`);
  expect(visibleAfter.sort((x, y) => x - y)[1]).toBeLessThan(1_000);
});

test("a signed-in page is never served to another user or to an anonymous reader, nor a page fetched with a session", async () => {
  const alice = await seedUser({ databaseUrl: cluster.databaseUrl, baseUrl: cluster.frontUrl });
  const bob = await seedUser({ databaseUrl: cluster.databaseUrl, baseUrl: cluster.frontUrl });
  for (let round = 0; round < 2; round++) {
    const asAlice = await get(front("/profile"), { cookie: cookieHeader(alice) });
    expect(asAlice.status).toBe(200);
    expect(asAlice.body).toContain(alice.email);
    expect(asAlice.cache).toBe("BYPASS");
    const asBob = await get(front("/profile"), { cookie: cookieHeader(bob) });
    expect(asBob.body).toContain(bob.email);
    expect(asBob.body).not.toContain(alice.email);
    const anonymous = await get(front("/profile"));
    expect(anonymous.status).toBe(307);
    expect(anonymous.body).not.toContain(alice.email);
  }
  // A cacheable page asked for with a session goes to the app, and its answer is not stored.
  const fresh = `${ROLE}?signed-in=${randomBytes(4).toString("hex")}`;
  expect((await get(front(fresh), { cookie: `theme=dark; ${cookieHeader(alice)}` })).cache).toBe("BYPASS");
  expect((await get(front(fresh))).cache).toBe("MISS");
});

test("the front never stores an answer that sets a cookie, and a POST never changes what a GET sees", async () => {
  // An upstream of our own for what the app never does on a reader path: set a cookie, or
  // answer a POST with another body. The same config file, rendered the same way.
  const upstream = http.createServer((request, response) => {
    const setsCookie = request.url?.startsWith("/roles/sets-a-cookie");
    response.writeHead(200, { "Content-Type": "text/html", ...(setsCookie ? { "Set-Cookie": "visitor=1; Path=/" } : {}) });
    response.end(request.method === "POST" ? "changed by a POST" : `page ${request.url}`);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-front-stub-"));
  const port = await findFreePort();
  const stubFront = await startFront({ dir, port, upstreams: [`127.0.0.1:${(upstream.address() as AddressInfo).port}`], refreshSecret: "stub" });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 3; i++) {
      const answer = await get(`${base}/roles/sets-a-cookie`);
      expect(answer.headers.get("set-cookie")).toBe("visitor=1; Path=/");
      expect(answer.cache).toBe("MISS");
    }
    expect((await get(`${base}/roles/plain`)).cache).toBe("MISS");
    const posted = await fetch(`${base}/roles/plain`, { method: "POST", body: "x=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(await posted.text()).toBe("changed by a POST");
    const after = await get(`${base}/roles/plain`);
    expect(after.body).toBe("page /roles/plain");
    expect(FROM_CACHE).toContain(after.cache);
  } finally {
    await stubFront.stop(2000);
    await new Promise((resolve) => upstream.close(resolve));
    await rm(dir, { recursive: true, force: true });
  }

  // And against the app: posts to cached addresses (a page, an export) go to an instance, and what a GET sees stays as it was.
  for (const address of [ROLE, `${ROLE}.md`]) {
    const before = await get(front(address));
    const posted = await fetch(front(address), { method: "POST", body: "x=1", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: cluster.frontUrl } });
    expect(posted.status, address).toBeLessThan(500);
    expect(posted.headers.get("x-cache-status"), address).toBeNull();
    const afterPost = await get(front(address));
    expect(afterPost.body, address).toBe(before.body);
    expect(FROM_CACHE, address).toContain(afterPost.cache);
  }
});

test("sign-in works through the front with its forwarded headers; a client's X-Forwarded-Host and -For are ignored", async ({ page }) => {
  const email = `front-${randomBytes(5).toString("hex")}@example.test`;
  await page.setExtraHTTPHeaders({ "X-Forwarded-Host": "evil.example", "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https" });
  await page.goto(front("/sign-in"));
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email$/);
  const link = magicLinkFrom(await waitForMessage(cluster.mailboxDir, email));
  expect(new URL(link).origin).toBe(cluster.frontUrl);
  await page.goto(link);
  await page.goto(front("/profile"));
  await expect(page.getByText(`Signed in as ${email}`, { exact: false })).toBeVisible();
  // Plain http through the front: the cookie is the http one, not Secure (the client's "https" was not believed).
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie).toMatchObject({ name: "authjs.session-token", secure: false });
});

test("stopping one instance loses no request for cached pages, and the other keeps serving writes", async () => {
  test.setTimeout(60_000);
  const [instanceA, instanceB] = cluster.instances;
  const contributor = await seedUser({ databaseUrl: cluster.databaseUrl, baseUrl: cluster.frontUrl });
  const actions = listServerActions(".next-e2e");
  const pages = [ROLE, `${ROLE}.md`, `/api/roles/${occupation.code}`, "/"];
  for (const address of pages) await get(front(address));

  const statuses: number[] = [];
  let resent = 0;
  let reading = true;
  const readers = Array.from({ length: 8 }, async (_, reader) => {
    for (let i = 0; reading; i++) statuses.push(await readAsBrowser(front(pages[(reader + i) % pages.length]!), () => resent++));
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  await instanceB!.stop();
  // Past the micro-cache's second: the front now refreshes from the one instance left.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  expect(instanceA!.exitCode()).toBeNull();

  for (let i = 0; i < 4; i++) {
    const submitted = await callServerAction({
      baseUrl: cluster.frontUrl,
      action: findServerAction(actions, "app/(contributor)/contribute/actions.ts", "submitCorrectionAction"),
      args: [null, formData({ occupationCode: occupation.code, field: "DESCRIPTION", operation: "CHANGE", proposedValue: `Carry cached pages, and keep writing while an instance is down (round ${i}).`, rationale: "One instance is down; writes still go through.", baseRevisionNumber: "3" })],
      cookie: cookieHeader(contributor),
    });
    expect(submitted.value, `write ${i}`).toMatchObject({ ok: true });
  }
  // Reading goes on while the health watcher takes the stopped instance out (a reload of nginx).
  await expect.poll(() => cluster.health.down().size, { timeout: 10_000 }).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  reading = false;
  await Promise.all(readers);
  console.log(`cluster: ${statuses.length} reads while an instance stopped, ${resent} sent again after a reload closed their kept-alive connection`);
  expect(statuses.length).toBeGreaterThan(50);
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
});

async function pendingSubmissionOf(authorId: string): Promise<string> {
  const rows = await queryRows<{ id: string }>(cluster.databaseUrl, `SELECT "id" FROM "Submission" WHERE "authorId" = $1 AND "status" = 'PENDING'`, [authorId]);
  expect(rows).toHaveLength(1);
  return rows[0]!.id;
}
