import "server-only";
import { consumeRateLimit, limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";

/** Watches and unwatches per user per hour: WATCHES_PER_HOUR, default 120. */
export async function consumeWatchAllowance(userId: string, now?: Date) {
  const limit = limitFromEnv("WATCHES_PER_HOUR", 120);
  await consumeRateLimit({ key: `watch:user:${userId}`, limit, windowSeconds: 3600, message: `You have watched or unwatched the most pages allowed in one hour (${limit}).` }, now);
}
