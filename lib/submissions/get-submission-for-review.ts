import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { FIELD_LABELS, isCorrectionField, parseStoredValue, type TCorrectionField, valueToText } from "@/lib/community/fields";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { NARRATIVE_PROMPTS, type TNarrativePromptKey } from "@/lib/community/narrative-document";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { type DiffPart, diffValues } from "@/lib/revisions/diff-revisions";
import { getFieldState, parseFieldState } from "@/lib/revisions/page-state";
import { approvalProgress } from "./two-person-rule";

/** Everything the review page shows for one submission (moderators only). */
export async function getSubmissionForReviewOrThrow({ actor, submissionId, now = new Date() }: { actor: Actor | null; submissionId: string; now?: Date }) {
  assertCan(actor, "moderation:view-queue");
  const submission = await prisma.submission.findUnique({ where: { id: submissionId } });
  if (!submission || submission.status === "DRAFT") throw new AppError("NOT_FOUND", "That submission does not exist.");
  const reports = await prisma.narrativeReport.findMany({
    where: { submissionId },
    orderBy: { createdAt: "desc" },
    select: { id: true, reporterId: true, reason: true, createdAt: true, resolvedAt: true, resolution: true },
  });
  const secondLooks = await prisma.secondLook.findMany({
    where: { submissionId },
    orderBy: [{ sampledAt: "desc" }, { id: "desc" }],
    select: { id: true, assigneeId: true, finding: true, sampledAt: true },
  });
  const [occupation, names, history] = await Promise.all([
    prisma.occupation.findUnique({ where: { code: submission.occupationCode }, select: { code: true, title: true, slug: true } }),
    findDisplayNames([submission.authorId, ...(submission.claimedById ? [submission.claimedById] : []), ...(submission.decidedById ? [submission.decidedById] : []), ...(submission.firstApprovedById ? [submission.firstApprovedById] : []), ...reports.map((r) => r.reporterId), ...secondLooks.flatMap((l) => (l.assigneeId ? [l.assigneeId] : []))]),
    prisma.submission.groupBy({ by: ["status"], where: { authorId: submission.authorId, status: { in: ["APPROVED", "DECLINED"] } }, _count: { _all: true } }),
  ]);
  const claimActive = submission.claimedById !== null && submission.claimExpiresAt !== null && submission.claimExpiresAt > now;

  let correction: null | {
    field: TCorrectionField;
    fieldLabel: string;
    operation: string;
    baseText: string;
    currentText: string;
    proposedText: string;
    currentIsOfficial: boolean;
    /** The field changed after the submission's base revision: approving needs "apply anyway". */
    conflict: boolean;
    diff: DiffPart[];
    rationale: string;
    sourceUrl: string | null;
  } = null;
  if (submission.kind === "CORRECTION" && submission.field && isCorrectionField(submission.field)) {
    const field = submission.field;
    const itemKey = submission.itemKey ?? "";
    const base = parseFieldState(field, submission.baseValue);
    const current = await getFieldState(prisma, submission.occupationCode, field, itemKey);
    const proposed = parseStoredValue(field, submission.proposedValue);
    const changedSince = await prisma.revision.count({ where: { occupationCode: submission.occupationCode, field, itemKey, number: { gt: submission.baseRevisionNumber ?? 0 } } });
    correction = {
      field,
      fieldLabel: FIELD_LABELS[field],
      operation: submission.operation ?? "CHANGE",
      baseText: valueToText(base.value),
      currentText: valueToText(current.value),
      proposedText: valueToText(proposed),
      currentIsOfficial: current.official,
      conflict: submission.status === "PENDING" && changedSince > 0,
      diff: diffValues(field, current.value, proposed),
      rationale: submission.rationale ?? "",
      sourceUrl: submission.sourceUrl,
    };
  }
  const progress = approvalProgress(submission);
  const answers = (submission.promptAnswers ?? {}) as Partial<Record<TNarrativePromptKey, string>>;
  return {
    id: submission.id,
    kind: submission.kind,
    status: submission.status,
    occupation: occupation ?? { code: submission.occupationCode, title: submission.occupationCode, slug: submission.occupationCode },
    authorId: submission.authorId,
    authorName: nameOf(names, submission.authorId),
    isOwn: submission.authorId === actor.userId,
    authorStats: {
      approved: history.find((h) => h.status === "APPROVED")?._count._all ?? 0,
      declined: history.find((h) => h.status === "DECLINED")?._count._all ?? 0,
    },
    submittedAt: submission.submittedAt,
    claimedByName: claimActive ? nameOf(names, submission.claimedById) : null,
    claimedByMe: claimActive && submission.claimedById === actor.userId,
    claimExpiresAt: claimActive ? submission.claimExpiresAt : null,
    decidedByName: submission.decidedById ? nameOf(names, submission.decidedById) : null,
    /** Two-person rule: approvals given of the two, who gave the first, and whether this moderator did. */
    approvals: progress && {
      given: submission.status === "APPROVED" ? progress.required : progress.given,
      required: progress.required,
      firstApproverName: progress.firstApprovedById ? nameOf(names, progress.firstApprovedById) : null,
      firstApprovedAt: submission.firstApprovedAt,
      mine: progress.firstApprovedById === actor.userId,
    },
    decisionMessage: submission.decisionMessage,
    reportReason: submission.reportReason,
    /** Who reported the narrative, why and when, newest first; open ones still count. */
    reports: reports.map((report) => ({
      id: report.id,
      reporterName: nameOf(names, report.reporterId),
      reason: report.reason,
      createdAt: report.createdAt,
      status: report.resolvedAt === null ? ("open" as const) : report.resolution === "kept" ? ("kept" as const) : ("hidden" as const),
    })),
    /** Its approvals sampled for a second look, newest first: who is asked, and what they found (null: still open). */
    secondLooks: secondLooks.map((look) => ({
      id: look.id,
      assigneeName: look.assigneeId ? nameOf(names, look.assigneeId) : null,
      finding: look.finding,
      sampledAt: look.sampledAt,
    })),
    correction,
    narrative:
      submission.kind === "NARRATIVE"
        ? {
            html: submission.narrativeHtml ?? "",
            yearsInRole: submission.yearsInRole,
            answers: (Object.keys(NARRATIVE_PROMPTS) as TNarrativePromptKey[]).filter((key) => answers[key]).map((key) => ({ prompt: NARRATIVE_PROMPTS[key], answer: answers[key]! })),
          }
        : null,
  };
}
