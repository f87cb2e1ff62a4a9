import "server-only";
import { z } from "zod";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { CORRECTION_FIELDS, isCorrectionField, type TCorrectionField } from "@/lib/community/fields";
import type { Tx } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { CommunityField } from "@/lib/generated/prisma/enums";

/**
 * The two-person rule: a correction of a figure field publishes only when two different
 * moderators approved it (neither the author; the second not the first). The figure fields
 * always need two; `TWO_PERSON_FIELDS` (a comma list of correction fields, e.g.
 * `EDUCATION,DESCRIPTION`) marks more.
 */
export const FIGURE_FIELDS = ["PAY_OUTLOOK_NOTE"] as const satisfies readonly TCorrectionField[];

export const ZTwoPersonFieldsSchema = z
  .string()
  .transform((list) => list.split(",").map((name) => name.trim()).filter((name) => name !== ""))
  .pipe(z.array(z.enum(CORRECTION_FIELDS, `TWO_PERSON_FIELDS lists correction fields, comma-separated: ${CORRECTION_FIELDS.join(", ")}.`)));

/** The fields whose corrections need two approvals: the figure fields and those TWO_PERSON_FIELDS marks. A wrong name stops with a clear message. */
export function twoPersonFields(env: NodeJS.ProcessEnv = process.env): ReadonlySet<TCorrectionField> {
  const parsed = ZTwoPersonFieldsSchema.safeParse(env.TWO_PERSON_FIELDS ?? "");
  if (!parsed.success) throw new Error(`${parsed.error.issues[0]!.message} Found: "${env.TWO_PERSON_FIELDS}".`);
  return new Set([...FIGURE_FIELDS, ...parsed.data]);
}

/** How many moderators must approve a submission: 2 for a correction of a two-person field, else 1. */
export function requiredApprovals(submission: { kind: string; field: CommunityField | null }): 1 | 2 {
  return submission.kind === "CORRECTION" && submission.field !== null && isCorrectionField(submission.field) && twoPersonFields().has(submission.field) ? 2 : 1;
}

export interface FirstApprovalResult {
  submissionId: string;
  occupationCode: string;
  published: false;
  approvals: 1;
  requiredApprovals: 2;
}

/**
 * Inside the approval's transaction, before anything is published: when the submission needs
 * two approvals and has none yet, records this moderator's as the first ("1 of 2"), audited,
 * and returns it; the page does not change. Returns null when this approval publishes (a
 * one-approval submission, or the second of two), leaving every other refusal (not pending,
 * own submission, claimed by another) to the decision guard that follows.
 *
 * Race-free: the submission's row is read and locked first (`FOR UPDATE`), so of two approvals at once
 * the second reads what the first committed: two first approvals make one first and one
 * CONFLICT; two second approvals both pass here and the decision guard's conditional update
 * lets exactly one publish. The first approver is refused as the second.
 */
export async function takeFirstApproval(tx: Tx, { actor, submissionId, now }: { actor: Actor; submissionId: string; now: Date }): Promise<FirstApprovalResult | null> {
  // One read that also takes the row's lock (the decision guard's update would take it next anyway).
  const [submission] = await tx.$queryRaw<
    { kind: string; field: CommunityField | null; status: string; authorId: string; occupationCode: string; firstApprovedById: string | null; claimedById: string | null; claimExpiresAt: Date | null }[]
  >`SELECT kind, field, status, "authorId", "occupationCode", "firstApprovedById", "claimedById", "claimExpiresAt" FROM "Submission" WHERE id = ${submissionId} FOR UPDATE`;
  if (!submission || requiredApprovals(submission) === 1) return null;
  if (submission.firstApprovedById === actor.userId && submission.status === "PENDING") {
    throw new AppError("FORBIDDEN", "You gave the first approval. A second moderator (not the author, not you) must approve before it publishes.");
  }
  const claimedByOther = submission.claimedById !== null && submission.claimedById !== actor.userId && submission.claimExpiresAt !== null && submission.claimExpiresAt > now;
  if (submission.firstApprovedById !== null || submission.status !== "PENDING" || submission.authorId === actor.userId || claimedByOther) return null;

  await tx.submission.update({ where: { id: submissionId }, data: { firstApprovedById: actor.userId, firstApprovedAt: now, claimedById: null, claimExpiresAt: null } });
  await recordAuditEntry(tx, {
    actor,
    action: "submission.approve-first",
    target: { type: "submission", id: submissionId },
    before: { status: "PENDING", approvals: 0 },
    after: { status: "PENDING", approvals: 1, requiredApprovals: 2 },
  });
  return { submissionId, occupationCode: submission.occupationCode, published: false, approvals: 1, requiredApprovals: 2 };
}

/** "1 of 2": approvals a two-person submission has, for the queue, the review page and its author; null when one approval publishes. */
export interface ApprovalProgress {
  given: 0 | 1;
  required: 2;
  firstApprovedById: string | null;
}

export function approvalProgress(submission: { kind: string; field: CommunityField | null; firstApprovedById: string | null }): ApprovalProgress | null {
  if (requiredApprovals(submission) === 1) return null;
  return { given: submission.firstApprovedById ? 1 : 0, required: 2, firstApprovedById: submission.firstApprovedById };
}
