import "server-only";
import { z } from "zod";
import { multiLineText } from "@/lib/validation/text";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { hideNarrativeForReview } from "./hide-narrative-for-review";
import { consumeReportAllowance } from "./submission-rate-limit";

export const ZReportNarrativeInputSchema = z.object({
  submissionId: z.string().min(1).max(40),
  reason: multiLineText().pipe(z.string().min(10, "Say what is wrong (at least 10 characters).").max(1000, "The reason can be at most 1000 characters.")),
});

export interface ReportNarrativeOptions {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}

/**
 * When reports alone take a narrative off the page before review: this many distinct
 * established reporters (REPORTS_TO_HIDE, default 3), an account being established when it is
 * at least REPORTER_MIN_ACCOUNT_DAYS old (7), has at least REPORTER_MIN_APPROVED approved
 * contributions (1) and is not banned.
 */
export function reportThreshold() {
  return {
    reportsToHide: limitFromEnv("REPORTS_TO_HIDE", 3),
    minAccountDays: limitFromEnv("REPORTER_MIN_ACCOUNT_DAYS", 7),
    minApproved: limitFromEnv("REPORTER_MIN_APPROVED", 1),
  };
}

/**
 * Do the open reports of a published narrative or approved correction come from enough
 * distinct established accounts (`reportThreshold()`) to take it off the page before review?
 * Inside the caller's transaction, with the submission's row locked.
 */
export async function reportsReachThreshold(tx: Tx, submissionId: string, now: Date): Promise<boolean> {
  const threshold = reportThreshold();
  const cutoff = new Date(now.getTime() - threshold.minAccountDays * 86_400_000);
  const [counted] = await tx.$queryRaw<{ established: number }[]>`
    SELECT count(DISTINCT r."reporterId")::int AS established
    FROM "NarrativeReport" r JOIN "User" u ON u.id = r."reporterId"
    WHERE r."submissionId" = ${submissionId} AND r."resolvedAt" IS NULL
      AND (u."bannedAt" IS NULL OR u."bannedUntil" <= ${now}) AND u."createdAt" <= ${cutoff}
      AND (SELECT count(*) FROM "Submission" s WHERE s."authorId" = u.id AND s.status = 'APPROVED') >= ${threshold.minApproved}`;
  return (counted?.established ?? 0) >= threshold.reportsToHide;
}

/**
 * Someone reports a published narrative. The report goes to the moderators' queue (one
 * NarrativeReport per narrative and reporter: reporting twice counts once) and is audited;
 * the narrative stays on the page until open reports from `reportThreshold()` distinct
 * established accounts hide it (lib/submissions/hide-narrative-for-review.ts: a REPORT
 * revision, audited, the author notified). One transaction, the narrative's row locked, so
 * reports arriving together are counted one after the other.
 */
export async function reportNarrative({ actor, input, now = new Date() }: ReportNarrativeOptions) {
  assertCan(actor, "narrative:report");
  const data = parseOrThrow(ZReportNarrativeInputSchema, input);
  await consumeReportAllowance(actor.userId, now);
  return prisma.$transaction(async (tx) => {
    const [narrative] = await tx.$queryRaw<{ occupationCode: string }[]>`
      SELECT "occupationCode" FROM "Submission" WHERE id = ${data.submissionId} AND kind = 'NARRATIVE' AND status = 'APPROVED' FOR UPDATE`;
    if (!narrative) throw new AppError("NOT_FOUND", "That narrative is not published (it may have been taken off the page for review already).");
    const result = { submissionId: data.submissionId, occupationCode: narrative.occupationCode };

    const existing = await tx.narrativeReport.findUnique({ where: { submissionId_reporterId: { submissionId: data.submissionId, reporterId: actor.userId } }, select: { id: true, resolvedAt: true } });
    if (existing && existing.resolvedAt === null) return { ...result, outcome: "already-reported" as const };
    // A report acted on before (the narrative was kept, or hidden and published again) is opened again.
    const report = existing
      ? await tx.narrativeReport.update({ where: { id: existing.id }, data: { reason: data.reason, createdAt: now, resolvedAt: null, resolution: null, resolvedById: null }, select: { id: true } })
      : await tx.narrativeReport.create({ data: { submissionId: data.submissionId, reporterId: actor.userId, reason: data.reason, createdAt: now }, select: { id: true } });
    await recordAuditEntry(tx, { actor, action: "narrative.report", target: { type: "submission", id: data.submissionId }, after: { reportId: report.id, reason: data.reason } });

    if (!(await reportsReachThreshold(tx, data.submissionId, now))) return { ...result, outcome: "queued" as const };
    await hideNarrativeForReview(tx, { actor, submissionId: data.submissionId, reason: data.reason, now, byModerator: false });
    return { ...result, outcome: "hidden" as const };
  });
}
