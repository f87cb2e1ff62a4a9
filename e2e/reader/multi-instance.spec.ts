import { expect, test } from "@playwright/test";
import pg from "pg";
import { startProductionServer, type RunningServer } from "../../tests/support/e2e/production-server";
import { E2E_EXTRA_OCCUPATIONS } from "../../tests/support/e2e/e2e-datasets";
import { seedUser } from "../../tests/support/seed-users";
import { callServerAction, findServerAction, formData, listServerActions } from "../../tests/support/e2e/server-actions";
import { deleteRedisKeys, TEST_REDIS_URL, testRedisKeyPrefix } from "../../tests/support/test-redis";

// Two app instances of one build behind one database, each with its own copy of the build
// (as two machines would have), sharing Next's cache through Redis (REDIS_URL, a key prefix
// of this spec's own on the machine's Redis): a page one renders is served from the cache by
// the other, and a moderator's approval on the first reaches readers of the second at once.

const databaseUrl = process.env.E2E_DATABASE_URL!;
const occupation = E2E_EXTRA_OCCUPATIONS.find((o) => o.code === "99-0601.00")!;
const ROLE = "/roles/test-cache-couriers";
const CORRECTED = "Carry cached pages between instances, and check that none goes stale.";
const redisKeyPrefix = testRedisKeyPrefix("multi-instance");

let first: RunningServer;
let second: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: redisKeyPrefix };
  [first, second] = await Promise.all([0, 1].map(() => startProductionServer(databaseUrl, { distDir: ".next-e2e", isolated: true, env }))) as [RunningServer, RunningServer];
});

test.afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await deleteRedisKeys(redisKeyPrefix);
});

const cookieHeader = (user: { cookie: { name: string; value: string } }) => `${user.cookie.name}=${user.cookie.value}`;

test("a page rendered by one instance is served from the cache by another, and an approval on one reaches the other at once", async () => {
  test.setTimeout(90_000);
  const baseURL = first.baseUrl;
  const contributor = await seedUser({ databaseUrl, role: "CONTRIBUTOR", baseUrl: baseURL });
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", baseUrl: baseURL });
  const actions = listServerActions(".next-e2e");

  // The first instance renders the page; the second serves that very entry from the shared cache.
  expect(await (await fetch(`${first.baseUrl}${ROLE}`)).text()).toContain(occupation.description);
  const shared = await fetch(`${second.baseUrl}${ROLE}`);
  expect(shared.headers.get("x-nextjs-cache")).toBe("HIT");
  expect(await shared.text()).toContain(occupation.description);

  const correction = formData({
    occupationCode: occupation.code,
    field: "DESCRIPTION",
    operation: "CHANGE",
    proposedValue: CORRECTED,
    rationale: "The couriers also check freshness, which the official text leaves out.",
    baseRevisionNumber: "0",
  });
  const submitted = await callServerAction({
    baseUrl: baseURL,
    action: findServerAction(actions, "app/(contributor)/contribute/actions.ts", "submitCorrectionAction"),
    args: [null, correction],
    cookie: cookieHeader(contributor),
  });
  expect(submitted.value).toMatchObject({ ok: true });

  const approved = await callServerAction({
    baseUrl: baseURL,
    action: findServerAction(actions, "app/(moderation)/moderation/actions.ts", "approveSubmissionAction"),
    args: [null, formData({ submissionId: await findSubmissionId(contributor.id) })],
    cookie: cookieHeader(moderator),
  });
  expect(approved.value).toMatchObject({ ok: true });
  const approvedAt = performance.now();

  // The second instance never saw the approval: the entry it served is gone from Redis.
  let secondInstanceShows = -1;
  const reads: string[] = [];
  await expect
    .poll(
      async () => {
        const started = performance.now();
        const response = await fetch(`${second.baseUrl}${ROLE}`);
        const shows = (await response.text()).includes(CORRECTED);
        reads.push(`${response.headers.get("x-nextjs-cache")} ${shows ? "new" : "old"} in ${Math.round(performance.now() - started)} ms`);
        if (shows && secondInstanceShows < 0) secondInstanceShows = performance.now() - approvedAt;
        return shows;
      },
      { timeout: 15_000, intervals: [100] },
    )
    .toBe(true);
  console.log(`multi-instance: approval visible on the second instance after ${Math.round(secondInstanceShows)} ms (its reads: ${reads.join(", ")})`);

  // And it caches the new page again rather than rendering on every view.
  await expect.poll(async () => (await fetch(`${second.baseUrl}${ROLE}`)).headers.get("x-nextjs-cache"), { timeout: 5_000 }).toBe("HIT");
  expect(await (await fetch(`${first.baseUrl}${ROLE}`)).text()).toContain(CORRECTED);
});

async function findSubmissionId(authorId: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT "id" FROM "Submission" WHERE "authorId" = $1 AND "status" = 'PENDING'`, [authorId]);
    expect(rows).toHaveLength(1);
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}
