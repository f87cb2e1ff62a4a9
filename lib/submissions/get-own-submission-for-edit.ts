import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { CORRECTION_FIELDS, parseStoredValue, type TCorrectionField, valueToText } from "@/lib/community/fields";
import { type TNarrativeDoc, type TPromptAnswers, ZNarrativeDocSchema, ZPromptAnswersSchema } from "@/lib/community/narrative-document";
import { prisma } from "@/lib/db/prisma";
import type { CorrectionOperation } from "@/lib/generated/prisma/enums";

interface EditableSubmission {
  status: "CHANGES_REQUESTED";
  id: string;
  occupation: { code: string; slug: string; title: string };
  /** What the moderator asked to change. */
  decisionMessage: string;
}

export interface NarrativeForEdit extends EditableSubmission {
  kind: "NARRATIVE";
  /** null when the stored document no longer passes the editor's schema: the editor starts empty. */
  doc: TNarrativeDoc | null;
  yearsInRole: number | null;
  promptAnswers: TPromptAnswers;
}

export interface CorrectionForEdit extends EditableSubmission {
  kind: "CORRECTION";
  field: TCorrectionField;
  operation: CorrectionOperation;
  itemKey: string;
  /** The proposed value as the form's text. */
  proposedText: string;
  rationale: string;
  sourceUrl: string;
}

/**
 * Not open to edits: waiting for a moderator (never sent back, or just resubmitted), a draft,
 * or decided. The page says which, truthfully, rather than "not found" or "sent back".
 */
export interface UneditableSubmission {
  status: "PENDING" | "DRAFT" | "APPROVED" | "DECLINED" | "WITHDRAWN";
  id: string;
  kind: "NARRATIVE" | "CORRECTION";
  occupation: { code: string; slug: string; title: string };
}

export type OwnSubmissionForEdit = NarrativeForEdit | CorrectionForEdit | UneditableSubmission;

const isCorrectionField = (field: string | null): field is TCorrectionField => CORRECTION_FIELDS.some((known) => known === field);

/**
 * One of the actor's own submissions as the edit-and-resubmit page shows it: the moderator's
 * note and the values to edit, read back through their schemas, or, in any other state, which
 * state it is in. null when it is not the actor's (or its occupation is gone).
 */
export async function getOwnSubmissionForEdit({ actor, submissionId }: { actor: Actor; submissionId: string }): Promise<OwnSubmissionForEdit | null> {
  const submission = await prisma.submission.findFirst({
    where: { id: submissionId, authorId: actor.userId },
    select: {
      id: true,
      kind: true,
      status: true,
      occupationCode: true,
      decisionMessage: true,
      field: true,
      operation: true,
      itemKey: true,
      proposedValue: true,
      rationale: true,
      sourceUrl: true,
      narrativeDoc: true,
      yearsInRole: true,
      promptAnswers: true,
    },
  });
  if (!submission) return null;
  const occupation = await prisma.occupation.findUnique({ where: { code: submission.occupationCode }, select: { code: true, slug: true, title: true } });
  if (!occupation) return null;
  if (submission.status !== "CHANGES_REQUESTED") return { status: submission.status, id: submission.id, kind: submission.kind, occupation };
  const editable = { status: "CHANGES_REQUESTED", id: submission.id, occupation, decisionMessage: submission.decisionMessage ?? "" } as const;
  if (submission.kind === "NARRATIVE") {
    const doc = ZNarrativeDocSchema.safeParse(submission.narrativeDoc);
    const promptAnswers = ZPromptAnswersSchema.safeParse(submission.promptAnswers ?? {});
    return {
      ...editable,
      kind: "NARRATIVE",
      doc: doc.success ? doc.data : null,
      yearsInRole: submission.yearsInRole,
      promptAnswers: promptAnswers.success ? promptAnswers.data : {},
    };
  }
  if (!isCorrectionField(submission.field)) return null;
  return {
    ...editable,
    kind: "CORRECTION",
    field: submission.field,
    operation: submission.operation ?? "CHANGE",
    itemKey: submission.itemKey ?? "",
    proposedText: valueToText(parseStoredValue(submission.field, submission.proposedValue)),
    rationale: submission.rationale ?? "",
    sourceUrl: submission.sourceUrl ?? "",
  };
}
