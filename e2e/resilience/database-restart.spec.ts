import { rm } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { createE2eDatabase } from "../../tests/support/e2e/e2e-datasets";
import {
  ALREADY_DECIDED_MESSAGE,
  checkApprovals,
  countStoredSubmissions,
  findLoadActions,
  findPendingSubmissionIds,
  newRunId,
  planSubmissions,
  raceApproval,
  runConcurrently,
  seedUsers,
  sendSubmission,
  summarizeRaces,
  type LoadActions,
  type RaceResult,
  type SubmissionResult,
} from "../../tests/support/e2e/load-driver";
import { startProductionServer, type RunningServer } from "../../tests/support/e2e/production-server";
import type { SeededUser } from "../../tests/support/seed-users";
import { listServerActions } from "../../tests/support/e2e/server-actions";

// PostgreSQL is restarted under load. This spec starts its own embedded PostgreSQL (never the
// machine's, never the suite's) and its own `next start` of a private copy of the e2e build,
// so it neither disturbs nor depends on the other specs. While the database is away, cached
// reader pages still answer, signed-in pages show the "try again" page, actions, search and the
// feed say "The database is not answering; please try again in a moment." The app recovers by
// itself once PostgreSQL is back, and the database then holds every write a client was told
// was accepted exactly once, nothing half-written, and each approval whole or not at all.

const DIST_DIR = ".next-e2e";
const DATABASE = "careerwiki_resilience";
const OCCUPATIONS = ["99-0001.00", "99-0002.00", "99-0003.00", "99-0004.00"];
const CACHED_PAGE = "/roles/test-widget-engineers";
/** Rendered per request (not cached): it tells the reader to try again while the database is away. */
const SEARCH_PAGE = "/search?q=widget";
const DATABASE_AWAY = "The database is not answering; please try again in a moment.";
const CLIENTS = 6;
const OUTAGE_MS = 3000;

let postgres: EmbeddedPostgres;
let dataDir: string;
let databaseUrl: string;
let server: RunningServer;
const serverLog: string[] = [];
/** Ends the load clients, also when the test fails half-way. */
let stopLoad: (() => Promise<void>) | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = path.resolve(".data", `resilience-postgres-${process.pid}`);
  postgres = await startEmbeddedPostgres({ dataDir, database: "postgres", notify: () => {} });
  databaseUrl = await createE2eDatabase(postgres.url, DATABASE);
  server = await startProductionServer(databaseUrl, {
    distDir: DIST_DIR,
    isolated: true,
    env: { SUBMISSIONS_PER_HOUR: "100000", DATABASE_POOL_SIZE: "5" },
    onOutput: (line) => serverLog.push(line),
  });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(`server log (last 40 lines):\n${serverLog.slice(-40).join("\n")}`);
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await stopLoad?.();
  await server?.stop();
  await postgres?.stop();
  for (const dir of new Set([dataDir, postgres?.dataDir])) {
    if (!dir) continue;
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.password`, { force: true });
  }
});

/** Clients sending submissions and approval races until `stop()`; every answer is kept. */
function startLoad(baseUrl: string, actions: LoadActions, authors: SeededUser[], moderators: SeededUser[], pendingIds: string[]) {
  const runId = newRunId();
  const submissions: SubmissionResult[] = [];
  const races: RaceResult[] = [];
  let stopped = false;
  let sent = 0;
  const client = async (clientIndex: number) => {
    // Bounded in time (stop) and in count.
    for (let round = 0; !stopped && sent < 4000; round++) {
      const raceId = round % 3 === 2 ? pendingIds.shift() : undefined;
      if (raceId) {
        const pair: [SeededUser, SeededUser] = [moderators[clientIndex % moderators.length]!, moderators[(clientIndex + 1) % moderators.length]!];
        races.push(await raceApproval(baseUrl, actions, raceId, pair));
      } else {
        const [planned] = planSubmissions({ runId, authors, occupationCodes: OCCUPATIONS, count: 1, first: sent++ });
        const result = await sendSubmission(baseUrl, actions, planned!);
        submissions.push(result);
        // While the database is away answers come at once: do not spin.
        if (result.outcome !== "accepted") await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const running = Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  return {
    submissions,
    races,
    async stop() {
      stopped = true;
      await running;
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test("a PostgreSQL restart under load: clear answers while it is away, recovery by itself, no lost or partial write", async ({ browser }) => {
  test.setTimeout(180_000);
  const { baseUrl } = server;
  const actions = findLoadActions(listServerActions(DIST_DIR));
  const authors = await seedUsers(databaseUrl, baseUrl, "CONTRIBUTOR", 10);
  const moderators = await seedUsers(databaseUrl, baseUrl, "MODERATOR", 4);

  // Before: a reader page rendered and cached, and a queue of submissions to approve under load.
  expect((await fetch(`${baseUrl}${CACHED_PAGE}`)).status).toBe(200);
  const queued = await runConcurrently(planSubmissions({ runId: newRunId(), authors, occupationCodes: OCCUPATIONS, count: 24 }), 8, (s) => sendSubmission(baseUrl, actions, s));
  expect(queued.filter((r) => r.outcome === "accepted")).toHaveLength(24);
  const pendingIds = await findPendingSubmissionIds(databaseUrl, authors.map((a) => a.id), 24);

  const load = startLoad(baseUrl, actions, authors, moderators, pendingIds);
  stopLoad = load.stop;
  const accepted = () => load.submissions.filter((r) => r.outcome === "accepted");
  await waitFor(() => accepted().length >= 10, 30_000, "writes before the restart");

  // PostgreSQL goes away (fast shutdown: open connections are terminated, 57P01).
  const stoppedAt = performance.now();
  await postgres.stop();
  await waitFor(() => load.submissions.some((r) => r.startedAt > stoppedAt && r.outcome !== "accepted"), 20_000, "a refused write");

  // While it is away: the cached page is served, the rest says "try again", nothing shows a
  // stack. The error page is rendered by the error boundary in the browser (the server sends
  // its shell), so a signed-in page is opened in the browser.
  const context = await browser.newContext({ baseURL: baseUrl });
  await context.addCookies([authors[0]!.cookie]);
  const page = await context.newPage();
  const [cached, search, feed] = await Promise.all([
    fetch(`${baseUrl}${CACHED_PAGE}`),
    fetch(`${baseUrl}${SEARCH_PAGE}`),
    fetch(`${baseUrl}/changes.atom`),
    (async () => {
      const response = await page.goto("/me/contributions");
      expect(response!.status()).toBeGreaterThanOrEqual(500);
      await expect(page.getByRole("heading", { name: "This page could not be loaded" })).toBeVisible();
      await expect(page.getByRole("main")).toContainText("Please try again in a moment.");
      expect(await response!.text()).not.toMatch(/PrismaClient|ECONNREFUSED|at async |node_modules/);
    })(),
  ]);
  expect(cached.status).toBe(200);
  expect(await cached.text()).toContain("Test Widget Engineers");
  expect(await search.text()).toContain(DATABASE_AWAY);
  expect(feed.status).toBe(503);
  expect(feed.headers.get("retry-after")).toBe("5");
  expect(await feed.text()).toContain(DATABASE_AWAY);
  const remaining = OUTAGE_MS - (performance.now() - stoppedAt);
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));

  // PostgreSQL is back on the same port; the app is not restarted.
  postgres = await startEmbeddedPostgres({ dataDir, database: "postgres", port: postgres.port, notify: () => {} });
  const acceptingAt = performance.now();
  await waitFor(() => accepted().some((r) => r.startedAt >= acceptingAt), 30_000, "the first write after the restart");
  const firstWrite = accepted().filter((r) => r.startedAt >= acceptingAt).sort((a, b) => a.endedAt - b.endedAt)[0]!;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await load.stop();

  // The same process serves, and pages that needed the database work again (nothing cached the error).
  expect(server.exitCode()).toBeNull();
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My contributions" })).toBeVisible();
  await context.close();
  const [searchAfter, feedAfter] = await Promise.all([fetch(`${baseUrl}${SEARCH_PAGE}`), fetch(`${baseUrl}/changes.atom`)]);
  expect(await searchAfter.text()).toContain("Test Widget Engineers");
  expect(feedAfter.status).toBe(200);

  // What clients were told, against what the database holds.
  const answers = [...load.submissions, ...load.races.flatMap((race) => race.answers)];
  const refusedWhileAway = answers.filter((r) => r.outcome === "refused" && r.reason === DATABASE_AWAY);
  const lastBefore = Math.max(...accepted().filter((r) => r.endedAt < acceptingAt).map((r) => r.endedAt));
  const stored = await countStoredSubmissions(databaseUrl, load.submissions);
  const approvals = await checkApprovals(databaseUrl, load.races);
  const races = summarizeRaces(load.races);
  const figures = {
    requests: answers.length,
    acceptedSubmissions: accepted().length,
    refusedWithDatabaseAway: refusedWhileAway.length,
    otherRefusals: answers.filter((r) => r.outcome === "refused" && r.reason !== DATABASE_AWAY).map((r) => r.reason),
    serverErrors: answers.filter((r) => r.outcome === "server-error" || r.outcome === "no-answer").length,
    recoveryMs: Math.round(firstWrite.endedAt - acceptingAt),
    outageSeenByClientsMs: Math.round(firstWrite.endedAt - lastBefore),
    databaseDownMs: Math.round(acceptingAt - stoppedAt),
    stored,
    approvals,
    races,
    poolErrorsLogged: serverLog.filter((line) => line.includes("pool error")).length,
  };
  console.log(
    `database restart: down ${figures.databaseDownMs} ms; recovery (PostgreSQL accepting → first write done) ${figures.recoveryMs} ms; ` +
      `outage seen by clients (last write before → first write after) ${figures.outageSeenByClientsMs} ms; ` +
      `${figures.requests} requests, ${figures.acceptedSubmissions} submissions accepted, ${figures.refusedWithDatabaseAway} told "try again", ${figures.serverErrors} 5xx; ` +
      `stored ${stored.stored}, lost ${stored.lost}, half-written ${stored.halfWritten}, refused but stored (complete) ${stored.refusedButStored}; ` +
      `races ${races.races}: approved ${approvals.approved}, double-applied ${approvals.doubleApplied}, partial ${approvals.partial}`,
  );
  test.info().annotations.push({ type: "database-restart", description: JSON.stringify({ ...figures, stored: { ...stored, acceptedIds: undefined } }) });

  expect(refusedWhileAway.length).toBeGreaterThan(0);
  expect(figures.serverErrors).toBe(0);
  expect(figures.otherRefusals.filter((reason) => reason !== ALREADY_DECIDED_MESSAGE)).toEqual([]);
  expect(stored.lost).toBe(0);
  expect(stored.duplicated).toBe(0);
  expect(stored.halfWritten).toBe(0);
  expect(stored.stored).toBe(accepted().length);
  expect(races.bothAccepted).toBe(0);
  expect(approvals.doubleApplied).toBe(0);
  expect(approvals.partial).toBe(0);
  expect(approvals.wrongDecider).toBe(0);
});

