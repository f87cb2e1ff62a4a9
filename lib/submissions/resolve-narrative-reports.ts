import "server-only";
import { z } from "zod";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { hideCorrectionForReview } from "./hide-correction-for-review";
import { hideNarrativeForReview } from "./hide-narrative-for-review";

export const ZResolveNarrativeReportsInputSchema = z.object({
  submissionId: z.string().min(1).max(40),
  /** "keep": the narrative stays published and its open reports stop counting; "hide": it leaves the page for review. */
  decision: z.enum(["keep", "hide"], { error: "Choose whether to keep the narrative or take it off the page." }),
});

export interface ResolveNarrativeReportsOptions {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}

/**
 * A moderator acts on the open reports of a published narrative or approved correction: keeps
 * it (the reports are resolved "kept") or takes it off the page for review (as enough reports would).
 * One transaction with the narrative's row locked; audited. Nobody decides on their own narrative.
 */
export async function resolveNarrativeReports({ actor, input, now = new Date() }: ResolveNarrativeReportsOptions) {
  assertCan(actor, "moderation:decide");
  const data = parseOrThrow(ZResolveNarrativeReportsInputSchema, input);
  return prisma.$transaction(async (tx) => {
    const [narrative] = await tx.$queryRaw<{ occupationCode: string; authorId: string; kind: "NARRATIVE" | "CORRECTION" }[]>`
      SELECT "occupationCode", "authorId", kind::text AS kind FROM "Submission" WHERE id = ${data.submissionId} AND status = 'APPROVED' FOR UPDATE`;
    if (!narrative) throw new AppError("ALREADY_DECIDED", "That narrative is no longer published: it was taken off the page already.");
    if (narrative.authorId === actor.userId) throw new AppError("FORBIDDEN", "Nobody decides on their own submission: another moderator will review it.");
    const open = await tx.narrativeReport.findMany({ where: { submissionId: data.submissionId, resolvedAt: null }, orderBy: { createdAt: "desc" }, select: { reason: true } });
    if (open.length === 0) throw new AppError("ALREADY_DECIDED", "Another moderator has already dealt with these reports.");
    if (data.decision === "hide") {
      const hide = narrative.kind === "CORRECTION" ? hideCorrectionForReview : hideNarrativeForReview;
      await hide(tx, { actor, submissionId: data.submissionId, reason: open[0]!.reason, now, byModerator: true });
    } else {
      await tx.narrativeReport.updateMany({ where: { submissionId: data.submissionId, resolvedAt: null }, data: { resolvedAt: now, resolution: "kept", resolvedById: actor.userId } });
      await recordAuditEntry(tx, { actor, action: narrative.kind === "CORRECTION" ? "correction.keep" : "narrative.keep", target: { type: "submission", id: data.submissionId }, after: { status: "APPROVED", reports: open.length } });
    }
    return { submissionId: data.submissionId, occupationCode: narrative.occupationCode, decision: data.decision };
  });
}
