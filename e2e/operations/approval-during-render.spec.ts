import { expect, test } from "@playwright/test";
import pg from "pg";
import { startPrivateApp, type PrivateApp } from "../../tests/support/e2e/private-app";
import { startProductionServer, type RunningServer } from "../../tests/support/e2e/production-server";
import { callServerAction, findServerAction, formData, listServerActions } from "../../tests/support/e2e/server-actions";
import { queryRows } from "../../tests/support/query-rows";
import { seedUser, type SeededUser } from "../../tests/support/seed-users";

// The render that straddles an approval: a role page whose render STARTS before the approval
// commits (so it reads the old corrections) and FINISHES after the role's tag was revalidated.
// Next stamps a cache entry with the time it is stored, so that page, as old as the data it
// read, looked newer than the revalidation and was served as fresh until the next one. Made
// deterministic here: the test holds a lock on a table the page reads AFTER the corrections
// (lib/roles/get-role-page.ts: the college costs, in the second round of reads; an approval
// neither writes nor reads them), so the render stops in the middle; the approval goes through
// the moderator's server action meanwhile; the lock is released, the render ends and is
// answered with the old text (correct: it began before the approval); then every later read
// must show the approval. lib/cache/cache-handler.cjs stores an entry as of its render's start
// (README, "Caches and jobs"). Without Redis (Next's own cache, one instance), and with it: two
// instances sharing the cache, the render on the first, the approval on the second (the
// first then knows of the revalidation only through Redis).

const LOCKED_TABLE = "EducationCost";

const cookieHeader = (user: SeededUser) => `${user.cookie.name}=${user.cookie.value}`;

for (const sharedCache of [false, true]) {
  test(`${sharedCache ? "with Redis" : "without Redis"}: a page render that began before an approval and ended after it is not kept as fresh`, async () => {
    test.setTimeout(240_000);
    const app = await startPrivateApp(sharedCache ? "render-race-redis" : "render-race-plain", { sharedCache });
    // Where the moderator approves: with Redis, another instance of the same build and cache.
    let other: RunningServer | null = null;
    const lock = new pg.Client({ connectionString: app.databaseUrl });
    try {
      if (app.redis) other = await startProductionServer(app.databaseUrl, { distDir: ".next-e2e", isolated: true, env: { SUBMISSIONS_PER_HOUR: "10000", REDIS_URL: app.redis.url, REDIS_KEY_PREFIX: app.redis.keyPrefix } });
      const approvingApp = other ?? app;
      await lock.connect();
      // A role whose page reads the college costs: its typical entry education calls for college.
      const [role] = await queryRows<{ code: string; slug: string }>(
        app.databaseUrl,
        `SELECT o."code", o."slug" FROM "Occupation" o JOIN "Projection" p ON p."socCode" = o."socCode"
          WHERE p."entryEducation" IN ('Bachelor''s degree', 'Associate''s degree') AND EXISTS (SELECT 1 FROM "${LOCKED_TABLE}") ORDER BY o."code" LIMIT 1`,
      );
      expect(role, `the e2e fixtures need a role whose page reads ${LOCKED_TABLE}`).toBeDefined();
      const ROLE = { code: role!.code, path: `/roles/${role!.slug}` };
      const contributor = await seedUser({ databaseUrl: app.databaseUrl, role: "CONTRIBUTOR", baseUrl: app.baseUrl });
      const moderator = await seedUser({ databaseUrl: app.databaseUrl, role: "MODERATOR", baseUrl: app.baseUrl });
      const corrected = `Corrected while a render was under way (${sharedCache ? "Redis" : "one instance"}).`;
      const submissionId = await submitCorrection(app, contributor, ROLE.code, corrected);

      // Nothing of the role is cached yet (a private build and database): the next read renders,
      // and the data it reads comes from the database, not from Next's data cache.
      const addresses = [ROLE.path, `/api/roles/${ROLE.code}`, `${ROLE.path}.md`];

      // The render starts, reads the corrections (none approved yet) and waits on the lock.
      await lock.query("BEGIN");
      await lock.query(`LOCK TABLE "${LOCKED_TABLE}" IN ACCESS EXCLUSIVE MODE`);
      const straddling = read(app, ROLE.path);
      await expect.poll(() => waitingOn(app.databaseUrl), { timeout: 30_000, message: `the page render waits on ${LOCKED_TABLE}` }).toBeGreaterThan(0);

      // The approval commits and revalidates the role meanwhile.
      await revalidateByApproving(approvingApp, moderator, submissionId);

      // The render ends: it began before the approval, so it shows the old text.
      await lock.query("ROLLBACK");
      expect(await straddling).not.toContain(corrected);

      // Every read from now on shows the approval: what that render stored is not fresh.
      const reads: string[] = [];
      for (let i = 0; i < 3; i++) {
        for (const server of other ? [app, other] : [app]) {
          for (const address of addresses) {
            const response = await fetch(`${server.baseUrl}${address}`);
            reads.push(`${server === app ? "" : "other instance "}${address}: ${response.headers.get("x-nextjs-cache")} ${(await response.text()).includes(corrected) ? "new" : "OLD"}`);
          }
        }
      }
      console.log(`reads after the straddling render (${sharedCache ? "Redis" : "one instance"}): ${reads.join(", ")}`);
      expect(reads.filter((line) => line.endsWith("OLD")), "reads after the approval that showed the old text").toEqual([]);
      // And the new page is cached again.
      await expect.poll(async () => (await fetch(`${app.baseUrl}${ROLE.path}`)).headers.get("x-nextjs-cache")).toBe("HIT");
    } finally {
      await lock.end().catch(() => {});
      await other?.stop();
      await app.stop();
    }
  });
}

async function read(app: PrivateApp, address: string): Promise<string> {
  const response = await fetch(`${app.baseUrl}${address}`);
  expect(response.status, address).toBe(200);
  return response.text();
}

/** Queries of the app waiting for a lock on the locked table. */
async function waitingOn(databaseUrl: string): Promise<number> {
  const [row] = await queryRows<{ waiting: number }>(
    databaseUrl,
    `SELECT count(*)::int AS "waiting" FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock' AND "query" LIKE $1`,
    [`%"${LOCKED_TABLE}"%`],
  );
  return row?.waiting ?? 0;
}

async function submitCorrection(app: PrivateApp, contributor: SeededUser, occupationCode: string, text: string): Promise<string> {
  const actions = listServerActions(app.distDir);
  const submitted = await callServerAction({
    baseUrl: app.baseUrl,
    action: findServerAction(actions, "app/(contributor)/contribute/actions.ts", "submitCorrectionAction"),
    args: [null, formData({ occupationCode, field: "DESCRIPTION", operation: "CHANGE", proposedValue: text, rationale: "The official text leaves out what the work is now.", baseRevisionNumber: "0" })],
    cookie: cookieHeader(contributor),
  });
  expect(submitted.value).toMatchObject({ ok: true });
  const [row] = await queryRows<{ id: string }>(app.databaseUrl, `SELECT "id" FROM "Submission" WHERE "authorId" = $1 AND "status" = 'PENDING' LIMIT 1`, [contributor.id]);
  return row!.id;
}

async function revalidateByApproving(app: RunningServer, moderator: SeededUser, submissionId: string): Promise<void> {
  const approved = await callServerAction({
    baseUrl: app.baseUrl,
    action: findServerAction(listServerActions(app.distDir), "app/(moderation)/moderation/actions.ts", "approveSubmissionAction"),
    args: [null, formData({ submissionId })],
    cookie: cookieHeader(moderator),
  });
  expect(approved.value).toMatchObject({ ok: true });
}
