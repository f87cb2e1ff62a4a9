import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { declineSubmission } from "@/lib/submissions/decline-submission";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { readMessages, type SmtpCapture, startSmtpCapture } from "@/tests/support/smtp-capture";
import { JOB_QUEUE_SCHEMA, startJobQueue, type JobQueue } from "./job-queue";
import { SCHEDULED_JOBS } from "./scheduled-jobs";

// Two "app instances" are two job queues on one database, as two `next start` processes
// would start them (instrumentation.ts), with their checks shortened from seconds to one.
const database = useTestDatabase();
const FAST = { cronMonitor: 1, cronWorker: 1, polling: 1 };

let running: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(running.map((queue) => queue.stop(1_000)));
  running = [];
});

async function startInstances(count: number, options: Omit<Parameters<typeof startJobQueue>[0], "databaseUrl" | "intervalSeconds"> = {}) {
  running = await Promise.all(Array.from({ length: count }, () => startJobQueue({ databaseUrl: database.url, intervalSeconds: FAST, ...options })));
}

describe("scheduled work", () => {
  it("runs once per tick across two instances, not once per instance", { timeout: 60_000 }, async () => {
    const runs: string[] = [];
    const job = { name: "count-runs", cron: "* * * * *", timeoutSeconds: 30, run: async () => runs.push(new Date().toISOString()) };
    // The schedule's tick is a minute: run the whole test inside one.
    const second = new Date().getUTCSeconds();
    if (second > 40) await sleep((61 - second) * 1_000);
    await startInstances(2, { jobs: [job] });
    // A schedule of every minute is due at once.
    await vi.waitFor(() => expect(runs.length).toBeGreaterThan(0), { timeout: 10_000, interval: 200 });
    // Both instances check the schedule every second: give them several chances to run it again.
    await sleep(4_000);
    expect(runs.length, "runs, at most one per tick").toBeLessThanOrEqual(await ticksOf("count-runs"));
  });

  it("stops within its timeout, a running job given the time to finish", async () => {
    let finished = false;
    const job = { name: "slow-job", cron: "* * * * *", timeoutSeconds: 30, run: () => new Promise<void>((resolve) => setTimeout(() => resolve(void (finished = true)), 500)) };
    await startInstances(1, { jobs: [job] });
    await vi.waitFor(async () => expect(await countJobs("slow-job", "active")).toBe(1), { timeout: 20_000, interval: 100 });
    const started = performance.now();
    await running[0]!.stop(5_000);
    running = [];
    expect(finished).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("a start while the database is away", () => {
  it("fails with the database's error, for the instance to log and try again later", async () => {
    const started = startJobQueue({ databaseUrl: "postgresql://postgres@127.0.0.1:1/careerwiki_nowhere", intervalSeconds: FAST });
    await expect(started).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe("the outbox sweep", () => {
  let dir: string;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "careerwiki-jobs-"));
    smtp = await startSmtpCapture({ dir });
    process.env.EMAIL_SERVER = smtp.url;
  });

  afterAll(async () => {
    delete process.env.EMAIL_SERVER;
    await smtp?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("sends an email an instance claimed and never sent (it crashed), with no moderation decision after it", async () => {
    const { code } = await seedOccupation();
    const [author, moderator] = await Promise.all([createUser("CONTRIBUTOR"), createUser("MODERATOR")]);
    const { email } = await prisma.user.findUniqueOrThrow({ where: { id: author.userId }, select: { email: true } });
    const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code, "A description an instance never got to email about.", 999) });
    await declineSubmission({ actor: moderator, input: { submissionId: submission.id, reason: "other", message: "Declined while the instance went down." } });
    // What a crashed sender leaves: claimed (one attempt counted), never sent, its claim run out.
    await prisma.outboxEmail.updateMany({ where: { to: email! }, data: { attempts: 1, lockedUntil: new Date(Date.now() - 1_000) } });

    await startInstances(2);
    await vi.waitFor(async () => expect(await readMessages(dir, email!)).toHaveLength(1), { timeout: 20_000, interval: 200 });
    expect(await prisma.outboxEmail.findFirstOrThrow({ where: { to: email! } })).toMatchObject({ attempts: 2, lastError: null, sentAt: expect.any(Date) });
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The ticks of a schedule so far: the minutes in which pg-boss sent its job (a send-it job, one
 * per minute across instances). A test starts early in a minute, but a slow machine can carry it
 * into the next one, whose tick rightly runs the job again.
 */
async function ticksOf(name: string): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(DISTINCT singleton_on) AS count FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = '__pgboss__send-it' AND data->>'name' = $1`, name);
  return Number(rows[0]!.count);
}

async function countJobs(name: string, state: string): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = $1 AND state = $2::${JOB_QUEUE_SCHEMA}.job_state`, name, state);
  return Number(rows[0]!.count);
}

describe("the review digest", () => {
  it("is queued once per reviewer when two instances run its schedule", { timeout: 60_000 }, async () => {
    const code = "29-1141.00";
    await seedOccupation(code, "Test Digest Nurses");
    const reviewer = await createUser("MODERATOR");
    const author = await createUser("CONTRIBUTOR");
    await prisma.profile.create({ data: { userId: reviewer.userId, displayName: "Digest Reviewer", occupations: { create: [{ occupationCode: code }] } } });
    await prisma.submission.create({ data: { kind: "CORRECTION", status: "PENDING", occupationCode: code, authorId: author.userId, field: "DESCRIPTION", operation: "CHANGE", itemKey: "", proposedValue: { text: "Waiting for the digest." }, submittedAt: new Date() } });
    // The real job, due every minute instead of daily.
    const digest = SCHEDULED_JOBS.find((job) => job.name === "send-review-digests")!;
    const second = new Date().getUTCSeconds();
    if (second > 40) await sleep((61 - second) * 1_000);
    await startInstances(2, { jobs: [{ ...digest, cron: "* * * * *" }] });
    const digests = () => prisma.notification.count({ where: { userId: reviewer.userId, kind: "REVIEW_DIGEST" } });
    await vi.waitFor(async () => expect(await digests()).toBeGreaterThan(0), { timeout: 20_000, interval: 200 });
    await sleep(4_000);
    // One digest a day per reviewer, however many ticks ran; each tick's job ran at most once.
    expect(await digests()).toBe(1);
    expect(await countJobs("send-review-digests", "completed")).toBeLessThanOrEqual(await ticksOf("send-review-digests"));
  });
});
