import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { hideCorrectionForReview } from "./hide-correction-for-review";
import { reportsReachThreshold, ZReportNarrativeInputSchema } from "./report-narrative";
import { consumeReportAllowance } from "./submission-rate-limit";

export interface ReportCorrectionOptions {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}

/**
 * Someone reports an approved correction that the page shows, with a reason: the same rules
 * as a narrative's report (lib/submissions/report-narrative.ts). One report per correction and
 * reporter, audited, in the moderators' queue while the correction stays on the page; only
 * open reports from `reportThreshold()` distinct established accounts take it off the page
 * before review (lib/submissions/hide-correction-for-review.ts). One transaction, the
 * correction's row locked.
 */
export async function reportCorrection({ actor, input, now = new Date() }: ReportCorrectionOptions) {
  assertCan(actor, "correction:report");
  const data = parseOrThrow(ZReportNarrativeInputSchema, input);
  await consumeReportAllowance(actor.userId, now);
  return prisma.$transaction(async (tx) => {
    // On the page: approved, and the value its item shows now (not one a later correction replaced).
    const [correction] = await tx.$queryRaw<{ occupationCode: string }[]>`
      SELECT s."occupationCode" FROM "Submission" s
       WHERE s.id = ${data.submissionId} AND s.kind = 'CORRECTION' AND s.status = 'APPROVED'
         AND EXISTS (SELECT 1 FROM "CommunityValue" v WHERE v."submissionId" = s.id)
       FOR UPDATE OF s`;
    if (!correction) throw new AppError("NOT_FOUND", "That correction is not on the page (it may have been replaced or taken off for review already).");
    const result = { submissionId: data.submissionId, occupationCode: correction.occupationCode };

    const existing = await tx.narrativeReport.findUnique({ where: { submissionId_reporterId: { submissionId: data.submissionId, reporterId: actor.userId } }, select: { id: true, resolvedAt: true } });
    if (existing && existing.resolvedAt === null) return { ...result, outcome: "already-reported" as const };
    const report = existing
      ? await tx.narrativeReport.update({ where: { id: existing.id }, data: { reason: data.reason, createdAt: now, resolvedAt: null, resolution: null, resolvedById: null }, select: { id: true } })
      : await tx.narrativeReport.create({ data: { submissionId: data.submissionId, reporterId: actor.userId, reason: data.reason, createdAt: now }, select: { id: true } });
    await recordAuditEntry(tx, { actor, action: "correction.report", target: { type: "submission", id: data.submissionId }, after: { reportId: report.id, reason: data.reason } });

    if (!(await reportsReachThreshold(tx, data.submissionId, now))) return { ...result, outcome: "queued" as const };
    await hideCorrectionForReview(tx, { actor, submissionId: data.submissionId, reason: data.reason, now, byModerator: false });
    return { ...result, outcome: "hidden" as const };
  });
}
