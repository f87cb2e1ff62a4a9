// The Node.js server's start-up work (instrumentation.ts imports this only in the Node.js
// runtime, so Next's Edge build of the hook never sees process signals or the logger).

/** Runs once when a Node.js server process starts. */
export async function registerNodeServer() {
  const { keepOneLocationHeader } = await import("./lib/http/one-location-header");
  keepOneLocationHeader();
  // Not awaited: the instance serves at once, whether or not the database answers yet.
  void startScheduledWork();
  void listenForDataChangesHere();
}

/**
 * Imports and restores run in other processes and record their change in PostgreSQL
 * (lib/cache/record-data-change.ts); this instance hears of it at once (LISTEN) and drops its
 * cached pages, and one instance refreshes the cache front (lib/cache/apply-data-change.ts).
 */
async function listenForDataChangesHere() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ listenForDataChanges }, { applyDataChange }, { logger }] = await Promise.all([import("./lib/cache/listen-for-data-changes"), import("./lib/cache/apply-data-change"), import("./lib/logging/logger.cjs")]);
  // One line per outage, not one per reconnection attempt.
  let failing = false;
  const listener = await listenForDataChanges({
    databaseUrl,
    onChange: async (change) => {
      await applyDataChange(change);
      failing = false;
    },
    onError: (error) => {
      if (!failing) logger.error({ component: "data-changes", err: error }, "data change listener failing (reconnecting)");
      failing = true;
    },
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void listener.stop().catch(() => {}));
}

/** How long an instance waits before trying again to start its queue (the database was away). */
const JOB_QUEUE_RETRY_MS = 30_000;

/**
 * This instance's share of the scheduled work (lib/jobs/job-queue.ts): every instance starts
 * one, pg-boss runs each job once across them. Not while building, nor without a database.
 */
async function startScheduledWork() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobQueue } = await import("./lib/jobs/job-queue");
  try {
    const queue = await startJobQueue({ databaseUrl });
    // Next stops serving on these signals; the queue lets a running job finish, well within
    // the 10 s an instance has to stop.
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void queue.stop(5_000).catch(() => {}));
  } catch (error) {
    const { logger } = await import("./lib/logging/logger.cjs");
    logger.error({ component: "jobs", err: error, retryInSeconds: JOB_QUEUE_RETRY_MS / 1000 }, "scheduled work not started on this instance");
    setTimeout(() => void startScheduledWork(), JOB_QUEUE_RETRY_MS).unref();
  }
}
