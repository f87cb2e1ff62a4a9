import { expect, test } from "@playwright/test";
import type { QueryResultRow } from "pg";
import { revalidateAllPages } from "../../lib/cache/revalidate-all-pages";
import { seedPendingNarrative } from "../../tests/support/e2e/community-fixtures";
import { startPrivateApp, type PrivateApp } from "../../tests/support/e2e/private-app";
import { queryRows } from "../../tests/support/query-rows";
import { seedUser, type SeededUser } from "../../tests/support/seed-users";
import { callServerAction, findServerAction, formData, listServerActions, type ServerActionRef } from "../../tests/support/e2e/server-actions";

// Every representation of a role shows the new state after every kind of event that changes
// it: an approval (correction and narrative), a rollback, an author's new name, a report and
// an import. Each is
// read from the cache first (so a stale copy would show), by every address it has, including
// the rewrite behind /roles/<slug>.md and a percent-encoded alias of the JSON address. The
// import revalidates every page, so this spec runs its own `next start` (a private copy of
// the build) and database, where it disturbs no other spec's cache; it uses the Redis cache
// of several instances (own key prefix), which an import outside the app can reach.

let app: PrivateApp;
let actions: ServerActionRef[];
let contributor: SeededUser;
let moderator: SeededUser;
let role: { code: string; slug: string; title: string };
let other: { slug: string };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  app = await startPrivateApp("representations", { sharedCache: true });
  actions = listServerActions(".next-e2e");
  [contributor, moderator] = await Promise.all([
    seedUser({ databaseUrl: app.databaseUrl, name: "Representations Author", baseUrl: app.baseUrl }),
    seedUser({ databaseUrl: app.databaseUrl, role: "MODERATOR", name: "Representations Moderator", baseUrl: app.baseUrl }),
  ]);
  const roles = await query<{ code: string; slug: string; title: string }>(`SELECT "code", "slug", "title" FROM "Occupation" ORDER BY "code" LIMIT 2`);
  [role, other] = roles as [typeof role, typeof other];
});

test.afterAll(async () => {
  await app?.stop();
});

const query = <Row extends QueryResultRow>(sql: string, values: unknown[] = []) => queryRows<Row>(app.databaseUrl, sql, values);

const read = async (pathname: string) => {
  const response = await fetch(`${app.baseUrl}${pathname}`);
  expect(response.status, pathname).toBe(200);
  return response.text();
};

/** The role's own representations, cached ones first; the encoded alias before the plain address, so the cache entry is made by it. */
const roleRepresentations = () => [
  { name: "JSON, by a percent-encoded address", path: `/api/roles/${role.code.replace(".", "%2E")}` },
  { name: "JSON", path: `/api/roles/${role.code}` },
  { name: "page", path: `/roles/${role.slug}` },
  { name: "Markdown", path: `/roles/${role.slug}.md` },
  { name: "Markdown route", path: `/api/roles-markdown/${role.slug}` },
  { name: "history", path: `/roles/${role.slug}/history` },
];
/** What lists every change: /changes and its Atom feed. */
const changeLists = ["/changes", "/changes.atom"];

/** Reads each cached representation twice, so the next read after an event would be served from the cache if it were not revalidated. */
async function warm() {
  for (const { path } of roleRepresentations()) for (let n = 0; n < 2; n++) await read(path);
}

async function expectEvery(representations: { name: string; path: string }[], check: (text: string) => boolean, what: string) {
  for (const { name, path } of representations) {
    await expect.poll(async () => check(await read(path)), { message: `${name} (${path}) ${what}`, timeout: 5_000, intervals: [100, 250, 500] }).toBe(true);
  }
}

const asCookie = (user: SeededUser) => `${user.cookie.name}=${user.cookie.value}`;

async function act(file: string, name: string, fields: Record<string, string>, user: SeededUser) {
  const result = await callServerAction({ baseUrl: app.baseUrl, action: findServerAction(actions, file, name), args: [null, formData(fields)], cookie: asCookie(user) });
  expect(result.value, `${name}: ${result.body.slice(0, 300)}`).toMatchObject({ ok: true });
}
const approve = (submissionId: string) => act("app/(moderation)/moderation/actions.ts", "approveSubmissionAction", { submissionId }, moderator);

async function latestRevision(): Promise<{ id: string; number: number }> {
  const [revision] = await query<{ id: string; number: number }>(`SELECT "id", "number" FROM "Revision" WHERE "occupationCode" = $1 ORDER BY "number" DESC LIMIT 1`, [role.code]);
  return revision!;
}

/** The change lists and the history name the newest revision. */
async function expectChangeListsShow(revision: number) {
  const anchor = `/roles/${role.slug}/history#r${revision}`;
  await expectEvery(changeLists.map((path) => ({ name: path, path })), (text) => text.includes(anchor), `links revision ${revision}`);
  await expectEvery([{ name: "history", path: `/roles/${role.slug}/history` }], (text) => text.includes(`id="r${revision}"`), `lists revision ${revision}`);
}

const CORRECTED = "Design and test widgets with the people who use them, then write down what they learned.";

test("an approved correction, then its rollback, reach every representation", async () => {
  test.setTimeout(60_000);
  await warm();
  await act(
    "app/(contributor)/contribute/actions.ts",
    "submitCorrectionAction",
    { occupationCode: role.code, field: "DESCRIPTION", operation: "CHANGE", proposedValue: CORRECTED, rationale: "The official text leaves out the users.", baseRevisionNumber: "0" },
    contributor,
  );
  const [submission] = await query<{ id: string }>(`SELECT "id" FROM "Submission" WHERE "authorId" = $1 AND "status" = 'PENDING'`, [contributor.id]);
  await approve(submission!.id);
  const approved = await latestRevision();
  await expectEvery(roleRepresentations().slice(0, 5), (text) => text.includes(CORRECTED), "shows the approved correction");
  await expectChangeListsShow(approved.number);

  await warm();
  await act("app/(moderation)/moderation/actions.ts", "rollbackToRevisionAction", { revisionId: approved.id, restore: "before" }, moderator);
  const rolledBack = await latestRevision();
  expect(rolledBack.number).toBe(approved.number + 1);
  await expectEvery(roleRepresentations().slice(0, 5), (text) => !text.includes(CORRECTED), "no longer shows the rolled-back correction");
  await expectChangeListsShow(rolledBack.number);
});

test("an approved narrative, its author's new name, then a report of it, reach every representation", async () => {
  test.setTimeout(60_000);
  const story = "I keep a notebook of every widget that came back, and why it did.";
  await warm();
  const submissionId = await seedPendingNarrative({ databaseUrl: app.databaseUrl, authorId: contributor.id, occupationCode: role.code, text: story });
  await approve(submissionId);
  // The narrative is part of the one role view: the page, its Markdown and its JSON all carry it.
  await expectEvery(roleRepresentations().slice(0, 5), (text) => text.includes(story), "shows the published narrative");
  await expectChangeListsShow((await latestRevision()).number);

  // The author renames themselves: the page shows the narrative under the new name.
  await warm();
  const renamed = await callServerAction({
    baseUrl: app.baseUrl,
    action: findServerAction(actions, "app/(contributor)/profile/actions.ts", "updateProfileAction"),
    args: [null, formData({ displayName: "Renamed Widget Author", jobTitle: "Widget tester", occupations: role.code, yearsExperience: "9", sector: "private", region: "", bio: "" })],
    cookie: asCookie(contributor),
  });
  expect(renamed.value, renamed.body.slice(0, 300)).toMatchObject({ status: "saved" });
  await expectEvery(roleRepresentations().slice(0, 5), (text) => text.includes("Renamed Widget Author"), "shows the author's new name");

  await warm();
  const reporter = await seedUser({ databaseUrl: app.databaseUrl, name: "Representations Reader", baseUrl: app.baseUrl });
  await act("app/(contributor)/contribute/actions.ts", "reportNarrativeAction", { submissionId, reason: "This reads like an advertisement for a widget shop." }, reporter);
  // Whatever a report does to the narrative, the page shows what the database now says.
  const [{ status }] = (await query<{ status: string }>(`SELECT "status" FROM "Submission" WHERE "id" = $1`, [submissionId])) as [{ status: string }];
  const published = status === "APPROVED";
  await expectEvery(roleRepresentations().slice(0, 5), (text) => text.includes(story) === published, published ? "still shows the narrative" : "no longer shows the reported narrative");
  await expectChangeListsShow((await latestRevision()).number);
});

test("an import that changes official rows reaches every representation, compare and the sitemap", async () => {
  test.setTimeout(60_000);
  const official = "Plan widget lines and keep their test records, as the new release describes it.";
  const arrival = { code: "99-0899.00", slug: "test-release-newcomers", title: "Test Release Newcomers" };
  await warm();
  for (const path of ["/sitemap.xml", `/compare?roles=${role.slug},${other.slug}`]) await read(path);

  // What an import writes (official rows of a new release), then what it does afterwards
  // (scripts/import.ts, scripts/start.ts): revalidate every page on every instance.
  const [onet] = await query<{ id: number }>(`SELECT "id" FROM "DatasetRelease" WHERE "dataset" = 'onet' ORDER BY "id" DESC LIMIT 1`);
  // A job zone the role did not have (compare shows it; the role's own pages show the description).
  const [{ jobZone }] = (await query<{ jobZone: number }>(
    `SELECT min(z."zone") AS "jobZone" FROM "JobZoneReference" z JOIN "OnetOccupation" o ON o."releaseId" = z."releaseId" AND o."code" = $2
     WHERE z."releaseId" = $1 AND z."zone" IS DISTINCT FROM o."jobZone"`,
    [onet!.id, role.code],
  )) as [{ jobZone: number }];
  await query(`UPDATE "OnetOccupation" SET "description" = $3, "jobZone" = $4 WHERE "releaseId" = $1 AND "code" = $2`, [onet!.id, role.code, official, jobZone]);
  await query(`INSERT INTO "Occupation" ("code", "slug", "title", "majorGroup", "updatedAt") VALUES ($1, $2, $3, '99', now())`, [arrival.code, arrival.slug, arrival.title]);
  await query(`INSERT INTO "OnetOccupation" ("releaseId", "code", "title", "description") VALUES ($1, $2, $3, 'Arrive with the new release.')`, [onet!.id, arrival.code, arrival.title]);
  await revalidateAllPages({ redisUrl: app.redis!.url, redisKeyPrefix: app.redis!.keyPrefix, distDir: app.distDir });

  await expectEvery(roleRepresentations().slice(0, 5), (text) => text.includes(official), "shows the newly imported official description");
  await expectEvery([{ name: "compare", path: `/compare?roles=${role.slug},${other.slug}` }], (text) => text.includes(`Job zone ${jobZone} of 5`), "shows the newly imported job zone");
  await expectEvery([{ name: "sitemap", path: "/sitemap.xml" }], (text) => text.includes(`/roles/${arrival.slug}<`), "lists the newly imported occupation");
});
