import "server-only";
import { logger } from "@/lib/logging/logger.cjs";

/**
 * The steps after a committed change (revalidating pages, sending the outbox, lookups for
 * a message or a redirect): each runs even if an earlier one failed, and a failure is only
 * logged. The change is done; nothing after its commit may turn that answer into an error.
 */
export async function afterCommit(change: string, ...steps: Array<() => unknown>): Promise<void> {
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      logger.error({ component: "after-commit", change }, error instanceof Error ? (error.message.split("\n").at(-1) ?? error.message) : String(error));
    }
  }
}
