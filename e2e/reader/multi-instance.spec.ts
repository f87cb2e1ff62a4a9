import { expect, test } from "@playwright/test";
import pg from "pg";
import { startProductionServer, type RunningServer } from "../../tests/support/e2e/production-server";
import { E2E_EXTRA_OCCUPATIONS } from "../../tests/support/e2e/e2e-datasets";
import { seedUser } from "../../tests/support/seed-users";
import { callServerAction, findServerAction, formData, listServerActions } from "../../tests/support/e2e/server-actions";

// Two app instances behind one database, each with its own copy of the build and its own
// cache (as two machines would have): a moderator approves a correction on the suite's
// instance, and a reader of the second instance sees it without restarting anything, while
// both keep serving the page from their caches.

const databaseUrl = process.env.E2E_DATABASE_URL!;
const occupation = E2E_EXTRA_OCCUPATIONS.find((o) => o.code === "99-0601.00")!;
const ROLE = "/roles/test-cache-couriers";
const CORRECTED = "Carry cached pages between instances, and check that none goes stale.";

let second: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  second = await startProductionServer(databaseUrl, { distDir: ".next-e2e", isolated: true });
});

test.afterAll(async () => {
  await second?.stop();
});

const cookieHeader = (user: { cookie: { name: string; value: string } }) => `${user.cookie.name}=${user.cookie.value}`;

test("an approval on one instance reaches the cached page of another within a second or so", async ({ baseURL, request }) => {
  test.setTimeout(90_000);
  const contributor = await seedUser({ databaseUrl, role: "CONTRIBUTOR", baseUrl: baseURL });
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", baseUrl: baseURL });
  const actions = listServerActions(".next-e2e");

  // Both instances render the page once, then serve it from their own caches.
  for (const base of [baseURL!, second.baseUrl]) {
    expect(await (await fetch(`${base}${ROLE}`)).text()).toContain(occupation.description);
    const cached = await fetch(`${base}${ROLE}`);
    expect(cached.headers.get("x-nextjs-cache")).toBe("HIT");
  }

  const correction = formData({
    occupationCode: occupation.code,
    field: "DESCRIPTION",
    operation: "CHANGE",
    proposedValue: CORRECTED,
    rationale: "The couriers also check freshness, which the official text leaves out.",
    baseRevisionNumber: "0",
  });
  const submitted = await callServerAction({
    baseUrl: baseURL!,
    action: findServerAction(actions, "app/(contributor)/contribute/actions.ts", "submitCorrectionAction"),
    args: [null, correction],
    cookie: cookieHeader(contributor),
  });
  expect(submitted.value).toMatchObject({ ok: true });

  const approved = await callServerAction({
    baseUrl: baseURL!,
    action: findServerAction(actions, "app/(moderation)/moderation/actions.ts", "approveSubmissionAction"),
    args: [null, formData({ submissionId: await findSubmissionId(contributor.id) })],
    cookie: cookieHeader(moderator),
  });
  expect(approved.value).toMatchObject({ ok: true });
  const approvedAt = performance.now();

  // The second instance never saw the approval; it learns of it through PostgreSQL.
  let secondInstanceShows = -1;
  await expect
    .poll(
      async () => {
        const shows = (await (await fetch(`${second.baseUrl}${ROLE}`)).text()).includes(CORRECTED);
        if (shows && secondInstanceShows < 0) secondInstanceShows = performance.now() - approvedAt;
        return shows;
      },
      { timeout: 15_000, intervals: [100] },
    )
    .toBe(true);
  console.log(`multi-instance: approval visible on the second instance after ${Math.round(secondInstanceShows)} ms`);

  // And it caches the new page again rather than rendering on every view.
  await expect.poll(async () => (await fetch(`${second.baseUrl}${ROLE}`)).headers.get("x-nextjs-cache"), { timeout: 5_000 }).toBe("HIT");
  expect(await (await request.get(ROLE)).text()).toContain(CORRECTED);
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
