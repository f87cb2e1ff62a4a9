import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

export interface RateLimitRule {
  /** What is limited, for whom: "submission:user:<id>", "sign-in:email:<address>". */
  key: string;
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
  /** What the person is told when the limit is hit (the wait time is appended). */
  message: string;
}

/**
 * Counts one attempt against a fixed-window limit kept in PostgreSQL (shared by every app
 * instance) and throws RATE_LIMITED once the window's allowance is used up. The counter
 * update is a single atomic upsert, so concurrent attempts cannot slip past the limit. Inside a
 * transaction (`db`), the attempt counts only if that transaction commits.
 */
export async function consumeRateLimit(rule: RateLimitRule, now = new Date(), db: Tx | typeof prisma = prisma): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [bucket] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${rule.key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  if ((bucket?.count ?? 0) > rule.limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    throw new AppError("RATE_LIMITED", `${rule.message} Try again in ${formatWait(retryAfterSeconds)}.`, undefined, retryAfterSeconds);
  }
  // Old windows are useless: drop this key's expired ones now and then.
  if ((bucket?.count ?? 0) === 1) {
    await db.rateLimitBucket.deleteMany({ where: { key: rule.key, windowStart: { lt: windowStart } } });
  }
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Reads an integer limit from the environment (tests raise limits; one test proves each trips). */
export function limitFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
