// npm run bench:load: load without loss. The production server (a private copy of the e2e
// build) against a scratch database with the fixture datasets, on an embedded PostgreSQL of
// its own (or TEST_DATABASE_URL's server), created and dropped here; no real data needed.
//   1. 500 submissions (corrections and narratives) from 50 users, all sent at once;
//   2. 1,000 races of two moderators approving the same submission.
// Everything goes through the real server actions over HTTP (tests/support/e2e/server-actions.ts).
// Prints accepted, refused (with reasons), stored, lost, 5xx, double-applied and latencies,
// counted from the database afterwards; exits 1 unless lost, 5xx and double-applied are 0.
// The submission limit is raised for the run (SUBMISSIONS_PER_HOUR, default here 100000);
// set it lower to watch refusals being counted as refused.
import { type SeededUser } from "@/tests/support/seed-users";
import { createE2eDatabase } from "@/tests/support/e2e/e2e-datasets";
import {
  checkApprovals,
  countStoredSubmissions,
  findLoadActions,
  findPendingSubmissionIds,
  latencies,
  newRunId,
  planSubmissions,
  raceApproval,
  refusalReasons,
  runConcurrently,
  seedUsers,
  sendSubmission,
  summarizeRaces,
  type RequestResult,
} from "@/tests/support/e2e/load-driver";
import { startProductionServer } from "@/tests/support/e2e/production-server";
import { listServerActions } from "@/tests/support/e2e/server-actions";
import { dropDatabase, startTestServer } from "@/tests/support/test-server";
import { buildIfNeeded } from "./lib/server";

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 500);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const RACES = Number(process.env.BENCH_RACES ?? 1000);
/** Races run at once (two approvals each). */
const RACE_CONCURRENCY = Number(process.env.BENCH_RACE_CONCURRENCY ?? 25);
const MODERATORS = 10;
const DIST_DIR = ".next-e2e";
const DATABASE = "careerwiki_bench_load";
const FIXTURE_OCCUPATIONS = ["99-0001.00", "99-0002.00", "99-0003.00", "99-0004.00"];

function printOutcomes(title: string, results: RequestResult[]) {
  const count = (outcome: RequestResult["outcome"]) => results.filter((r) => r.outcome === outcome).length;
  const { p50, p99, max } = latencies(results);
  console.log(`\n${title}: ${results.length} requests`);
  console.log(`  accepted ${count("accepted")}, refused ${count("refused")}, 5xx ${count("server-error")}, no answer ${count("no-answer")}`);
  console.log(`  latency p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${max.toFixed(0)} ms`);
  for (const [reason, n] of refusalReasons(results).slice(0, 8)) console.log(`  ${String(n).padStart(5)} × ${reason}`);
}

async function main() {
  await buildIfNeeded(DIST_DIR);
  const postgres = await startTestServer("bench-load-postgres");
  let failed = true;
  try {
    const databaseUrl = await createE2eDatabase(postgres.adminUrl, DATABASE);
    const server = await startProductionServer(databaseUrl, {
      distDir: DIST_DIR,
      isolated: true,
      env: { SUBMISSIONS_PER_HOUR: process.env.SUBMISSIONS_PER_HOUR ?? "100000", DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "10" },
    });
    try {
      failed = await runBenchmark(server.baseUrl, databaseUrl);
    } finally {
      await server.stop();
    }
  } finally {
    await dropDatabase(postgres.adminUrl, DATABASE).catch(() => {});
    await postgres.stop();
  }
  process.exit(failed ? 1 : 0);
}

/** Returns true when a figure that must be 0 is not. */
async function runBenchmark(baseUrl: string, databaseUrl: string): Promise<boolean> {
  const actions = findLoadActions(listServerActions(DIST_DIR));
  const runId = newRunId();
  const authors = await seedUsers(databaseUrl, baseUrl, "CONTRIBUTOR", USERS);
  const moderators = await seedUsers(databaseUrl, baseUrl, "MODERATOR", MODERATORS);
  console.log(`Server ${baseUrl} (private copy of ${DIST_DIR}), fixture database; ${USERS} contributors, ${MODERATORS} moderators.`);

  // 1. Submissions, all in flight at once.
  const planned = planSubmissions({ runId, authors, occupationCodes: FIXTURE_OCCUPATIONS, count: SUBMISSIONS });
  const started = performance.now();
  const submissions = await runConcurrently(planned, planned.length, (submission) => sendSubmission(baseUrl, actions, submission));
  const seconds = (performance.now() - started) / 1000;
  printOutcomes(`Submissions (${SUBMISSIONS} at once from ${USERS} users, ${seconds.toFixed(1)} s)`, submissions);
  const stored = await countStoredSubmissions(databaseUrl, submissions);
  console.log(`  stored ${stored.stored}, lost ${stored.lost}, duplicated ${stored.duplicated}, half-written ${stored.halfWritten}, refused but stored ${stored.refusedButStored}`);

  // 2. Races. Top up the queue first (other authors, not counted above) so each race has its own submission.
  let pending = await findPendingSubmissionIds(databaseUrl, authors.map((a) => a.id), RACES);
  let topUp: RequestResult[] = [];
  if (pending.length < RACES) {
    const topUpAuthors = await seedUsers(databaseUrl, baseUrl, "CONTRIBUTOR", USERS);
    const more = planSubmissions({ runId, authors: topUpAuthors, occupationCodes: FIXTURE_OCCUPATIONS, count: RACES - pending.length, first: SUBMISSIONS });
    topUp = await runConcurrently(more, 50, (submission) => sendSubmission(baseUrl, actions, submission));
    pending = await findPendingSubmissionIds(databaseUrl, [...authors, ...topUpAuthors].map((a) => a.id), RACES);
    console.log(`\nQueue topped up with ${topUp.filter((r) => r.outcome === "accepted").length} submissions from ${USERS} more users (${pending.length} pending).`);
  }
  const pairs = pending.map((_, i): [SeededUser, SeededUser] => [moderators[i % MODERATORS]!, moderators[(i + 1 + (i % (MODERATORS - 1))) % MODERATORS]!]);
  const raceStarted = performance.now();
  const races = await runConcurrently(pending, RACE_CONCURRENCY, (submissionId, i) => raceApproval(baseUrl, actions, submissionId, pairs[i]!));
  const raceSeconds = (performance.now() - raceStarted) / 1000;
  const answers = races.flatMap((race) => race.answers);
  printOutcomes(`Approval races (${races.length}, ${RACE_CONCURRENCY} at a time, ${raceSeconds.toFixed(1)} s)`, answers);
  const summary = summarizeRaces(races);
  const approvals = await checkApprovals(databaseUrl, races);
  console.log(`  one approved and the other told "already decided": ${summary.clean}; both approved: ${summary.bothAccepted}; neither: ${summary.noneAccepted}; other answer to the loser: ${summary.otherLoserAnswer}`);
  console.log(`  in the database: approved ${approvals.approved}, still pending ${approvals.pending}, double-applied ${approvals.doubleApplied}, partial ${approvals.partial}, decider not the one told "approved" ${approvals.wrongDecider}`);

  const serverErrors = [...submissions, ...topUp, ...answers].filter((r) => r.outcome === "server-error" || r.outcome === "no-answer").length;
  const doubleApplied = approvals.doubleApplied + summary.bothAccepted;
  const problems = {
    lost: stored.lost,
    "5xx or no answer": serverErrors,
    "double-applied": doubleApplied,
    "half-written": stored.halfWritten + approvals.partial + stored.duplicated,
    "wrong decider": approvals.wrongDecider,
  };
  console.log(`\nSummary: accepted ${stored.stored + stored.lost}, stored ${stored.stored}, lost ${stored.lost}, 5xx ${serverErrors}, double-applied ${doubleApplied}`);
  // A refusal is an answer, not a loss (decisions.md): races where a moderator was refused for
  // another reason (e.g. the database too busy to start the transaction in time) are shown, not failed.
  const otherAnswers = summary.otherLoserAnswer + summary.noneAccepted;
  if (otherAnswers > 0) console.log(`  ${otherAnswers} races where a moderator was refused for another reason than "already decided" (see the reasons above)`);
  const nonZero = Object.entries(problems).filter(([, n]) => n !== 0);
  for (const [name, n] of nonZero) console.log(`✖ ${name}: ${n} (must be 0)`);
  if (nonZero.length === 0) console.log("✔ nothing lost, no 5xx, nothing applied twice or half-way");
  return nonZero.length > 0;
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
