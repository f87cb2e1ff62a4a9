import { z } from "zod";

/** What a release revision stores in `after` (lib/community/official-release-changes.ts). */
const ZReleaseSummarySchema = z.object({ release: z.string(), summary: z.string() });

/**
 * A release revision in words: "O*NET 30.1: 3 tasks reworded, 2 alternate titles added".
 * Universal (no server-only imports): the import script's transaction uses it too.
 */
export function releaseRevisionText(after: unknown): string {
  const summary = ZReleaseSummarySchema.safeParse(after);
  return summary.success ? `${summary.data.release}: ${summary.data.summary}` : "A new official release";
}
