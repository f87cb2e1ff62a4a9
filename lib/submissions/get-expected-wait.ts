import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import type { SubmissionKind } from "@/lib/generated/prisma/enums";

/** "Most" decisions: the share of the last 30 days' decisions the expected wait covers. */
export const EXPECTED_WAIT_SHARE = 0.8;
export const EXPECTED_WAIT_DAYS = 30;
/** Fewer decisions than this in the window say too little to promise a wait. */
export const EXPECTED_WAIT_MIN_DECISIONS = 3;

export interface ExpectedWait {
  kind: SubmissionKind;
  /** Decisions in the window. */
  decisions: number;
  /** Within how long EXPECTED_WAIT_SHARE of them were decided (null: too few decisions to say). */
  withinMs: number | null;
}

/**
 * How long submitters can expect to wait, per kind: the time from sending to a decision
 * (approve, decline, request changes) that 80 % of the last 30 days' decisions took.
 */
export async function getExpectedWait({ actor, now = new Date() }: { actor: Actor | null; now?: Date }): Promise<ExpectedWait[]> {
  assertCan(actor, "submission:withdraw-own");
  const since = new Date(now.getTime() - EXPECTED_WAIT_DAYS * 86_400_000);
  const rows = await prisma.$queryRaw<{ kind: SubmissionKind; decisions: number; withinSeconds: number | null }[]>`
    SELECT kind, count(*)::int AS decisions,
           percentile_cont(${EXPECTED_WAIT_SHARE}) WITHIN GROUP (ORDER BY extract(epoch FROM "decidedAt" - "submittedAt"))::float8 AS "withinSeconds"
    FROM "Submission"
    WHERE "decidedAt" >= ${since} AND "decidedAt" <= ${now} AND "submittedAt" IS NOT NULL
      AND status IN ('APPROVED', 'DECLINED', 'CHANGES_REQUESTED')
    GROUP BY kind`;
  return (["CORRECTION", "NARRATIVE"] as const).map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    const decisions = row?.decisions ?? 0;
    return { kind, decisions, withinMs: decisions >= EXPECTED_WAIT_MIN_DECISIONS && row?.withinSeconds != null ? row.withinSeconds * 1000 : null };
  });
}
