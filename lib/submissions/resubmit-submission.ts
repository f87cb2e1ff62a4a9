import "server-only";
import { z } from "zod";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { fieldShape, LEGACY_LIST_KEY, parseStoredValue, proposedValueSchemaFor, type TCorrectionField } from "@/lib/community/fields";
import { renderNarrative } from "@/lib/community/render-narrative";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { getFieldState, latestRevisionNumber, toStoredState } from "@/lib/revisions/page-state";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import type { StoredFormNotice } from "@/lib/validation/text";
import { correctionStoredNotices } from "./correction-checks";
import { narrativeStoredNotices, ZSubmitNarrativeInputSchema } from "./narrative-input.types";
import { consumeSubmissionAllowance } from "./submission-rate-limit";
import { ZCorrectionDetailsSchema } from "./submit-correction.types";

export const ZResubmitCorrectionInputSchema = ZCorrectionDetailsSchema.extend({ submissionId: z.string().min(1).max(40) });
export const ZResubmitNarrativeInputSchema = ZSubmitNarrativeInputSchema.safeExtend({ submissionId: z.string().min(1).max(40) });

export interface ResubmitSubmissionOptions {
  actor: Actor | null;
  /** { submissionId, ... } with the fields of a correction or of a narrative, per the submission's kind. */
  input: unknown;
  now?: Date;
}

/**
 * After a moderator asked for changes, the author edits the submission and sends it back
 * to the queue (CHANGES_REQUESTED → PENDING). A correction is re-based on the page as the
 * author now sees it.
 */
export async function resubmitSubmission({ actor, input, now = new Date() }: ResubmitSubmissionOptions) {
  assertCan(actor, "submission:withdraw-own");
  const submissionId = parseOrThrow(z.object({ submissionId: z.string().min(1).max(40) }).loose(), input).submissionId;
  const existing = await prisma.submission.findFirst({ where: { id: submissionId, authorId: actor.userId } });
  if (!existing) throw new AppError("NOT_FOUND", "That submission does not exist.");
  if (existing.status !== "CHANGES_REQUESTED") throw new AppError("CONFLICT", "Only a submission a moderator sent back for changes can be resubmitted.");

  let data: Prisma.SubmissionUpdateManyMutationInput;
  let storedNotices: StoredFormNotice[];
  if (existing.kind === "CORRECTION") {
    const details = parseOrThrow(ZResubmitCorrectionInputSchema, input);
    const field = existing.field as TCorrectionField;
    if (fieldShape(field) === "list" && existing.itemKey === LEGACY_LIST_KEY) {
      throw new AppError("CONFLICT", "Lists are now corrected one item at a time: withdraw this whole-list correction and suggest each change (add, reword or remove an item) on its own.");
    }
    let proposed = null;
    if (existing.operation !== "REMOVE") {
      const parsed = proposedValueSchemaFor(field, existing.operation === "ADD" ? undefined : (existing.itemKey ?? undefined)).safeParse(details.proposedValue);
      if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message, { proposedValue: parsed.error.issues.map((i) => i.message) });
      proposed = parseStoredValue(field, parsed.data);
    }
    const baseRevisionNumber = Math.min(details.baseRevisionNumber, await latestRevisionNumber(prisma, existing.occupationCode));
    const base = existing.operation === "ADD" ? { official: false, value: null } : await getFieldState(prisma, existing.occupationCode, field, existing.itemKey ?? "", baseRevisionNumber);
    storedNotices = correctionStoredNotices(input, { ...details, proposedValue: proposed });
    data = {
      proposedValue: proposed ?? Prisma.DbNull,
      rationale: details.rationale,
      sourceUrl: details.sourceUrl ?? null,
      baseRevisionNumber,
      baseValue: toStoredState(base),
    };
  } else {
    const narrative = parseOrThrow(ZResubmitNarrativeInputSchema, { ...(input as object), occupationCode: existing.occupationCode });
    storedNotices = narrativeStoredNotices(input, narrative);
    data = {
      narrativeDoc: narrative.doc,
      narrativeHtml: renderNarrative(narrative.doc),
      yearsInRole: narrative.yearsInRole,
      promptAnswers: narrative.promptAnswers ?? {},
    };
  }

  return prisma.$transaction(async (tx) => {
    const updated = await tx.submission.updateMany({
      where: { id: submissionId, authorId: actor.userId, status: "CHANGES_REQUESTED" },
      data: { ...data, status: "PENDING", submittedAt: now, decidedById: null, decidedAt: null, firstApprovedById: null, firstApprovedAt: null },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "Only a submission a moderator sent back for changes can be resubmitted.");
    await consumeSubmissionAllowance(tx, actor.userId, now);
    await recordAuditEntry(tx, { actor, action: "submission.resubmit", target: { type: "submission", id: submissionId }, before: { status: "CHANGES_REQUESTED" }, after: { status: "PENDING" } });
    return { submissionId, status: "PENDING" as const, storedNotices };
  });
}
