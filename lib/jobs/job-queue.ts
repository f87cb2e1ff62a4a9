import "server-only";
import { logger } from "@/lib/logging/logger.cjs";
import PgBoss from "pg-boss";
import { SCHEDULED_JOBS, type ScheduledJob } from "./scheduled-jobs";

export interface JobQueue {
  /** Stops taking jobs, lets a running one finish (up to `timeoutMs`), closes its connections. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface StartJobQueueOptions {
  databaseUrl: string;
  jobs?: readonly ScheduledJob[];
  /** How often an instance looks for due schedules and for jobs to run (seconds). Tests shorten them. */
  intervalSeconds?: { cronMonitor: number; cronWorker: number; polling: number };
}

/** pg-boss keeps its tables in this schema of the app's database (created and migrated by pg-boss itself). */
export const JOB_QUEUE_SCHEMA = "pgboss";

const DEFAULT_INTERVALS = { cronMonitor: 30, cronWorker: 5, polling: 5 };

/**
 * Starts this instance's share of the scheduled work (pg-boss on the app's PostgreSQL). Every
 * instance starts one; pg-boss makes each schedule produce one job per tick across all of them
 * (a singleton per minute) and hands each job to one worker (`SKIP LOCKED`), so work runs once,
 * whichever instances are up. Errors (the database away, a job failing) are logged, never thrown
 * into the server.
 */
export async function startJobQueue({ databaseUrl, jobs = SCHEDULED_JOBS, intervalSeconds = DEFAULT_INTERVALS }: StartJobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOB_QUEUE_SCHEMA,
    // Beside Prisma's pool: a schedule check and one job at a time.
    max: 2,
    cronMonitorIntervalSeconds: intervalSeconds.cronMonitor,
    cronWorkerIntervalSeconds: intervalSeconds.cronWorker,
  });
  let failing = false;
  boss.on("error", (error) => {
    if (!failing) logger.error({ component: "jobs", err: error }, "job queue failing (retrying)");
    failing = true;
  });
  try {
    await boss.start();
    for (const job of jobs) {
      // A missed tick is made up by the next one: no retries, and a job that hangs is given up.
      await retryOnDeadlock(() => boss.createQueue(job.name, { name: job.name, retryLimit: 0, expireInSeconds: job.timeoutSeconds }));
      await boss.schedule(job.name, job.cron);
      await boss.work(job.name, { pollingIntervalSeconds: intervalSeconds.polling }, async () => {
        try {
          await job.run();
          failing = false;
        } catch (error) {
          logger.error({ component: "jobs", job: job.name, err: error }, "job failed");
          throw error;
        }
      });
    }
  } catch (error) {
    // Nothing half-started stays behind (its connections, its timers): the caller may try again.
    await boss.stop({ graceful: false, wait: true, timeout: 1_000 }).catch(() => {});
    throw error;
  }
  return {
    stop: (timeoutMs = 5_000) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs }),
  };
}

/** PostgreSQL's code for a deadlock: the statement was rolled back and may simply run again. */
const DEADLOCK_DETECTED = "40P01";

/**
 * Instances starting together each create the queues (a no-op once one exists), and pg-boss's
 * table-per-queue creation can deadlock between them: the loser runs again and finds it made.
 */
async function retryOnDeadlock(step: () => Promise<void>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
