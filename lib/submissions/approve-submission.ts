import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { CORRECTION_FIELDS, parseStoredValue, type TCorrectionField } from "@/lib/community/fields";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { queueNotification } from "@/lib/notifications/queue-notification";
import { notifyPageWatchers } from "@/lib/watches/notify-page-watchers";
import { getFieldState, latestRevisionNumber, lockPage, toStoredState } from "@/lib/revisions/page-state";
import { takeDecision } from "./decision-guard";
import { releasingClaimOnFailure } from "./release-claim";
import { sampleSecondLook } from "@/lib/second-looks/sample-second-look";
import { takeFirstApproval, type FirstApprovalResult } from "./two-person-rule";

export interface ApproveSubmissionOptions {
  actor: Actor | null;
  submissionId: string;
  /** Approve even though the field changed after the submission's base revision. */
  applyAnyway?: boolean;
  now?: Date;
}

export interface ApproveSubmissionResult {
  submissionId: string;
  occupationCode: string;
  published: true;
  /** Read in the transaction: revalidating the page after the commit needs no further query. */
  revisionNumber: number;
}

/**
 * Approves a pending submission in ONE transaction: the conditional status change, the
 * community value laid over the page, the page's new Revision, the AuditEntry and the
 * author's Notification (and the page's watchers'). A correction whose field changed after its base revision needs
 * `applyAnyway`, else CONFLICT. The caller revalidates the role page after the commit.
 * A failed approval releases the moderator's claim. A correction under the two-person rule
 * (`two-person-rule.ts`) publishes on its second approval; the first only records "1 of 2".
 * A published approval may be sampled for a second look (`lib/second-looks`).
 */
export async function approveSubmission({ actor, submissionId, applyAnyway = false, now = new Date() }: ApproveSubmissionOptions): Promise<ApproveSubmissionResult | FirstApprovalResult> {
  assertCan(actor, "moderation:decide");
  return releasingClaimOnFailure(actor, submissionId, () => approveInTransaction(actor, submissionId, applyAnyway, now));
}

function approveInTransaction(actor: Actor, submissionId: string, applyAnyway: boolean, now: Date): Promise<ApproveSubmissionResult | FirstApprovalResult> {
  return prisma.$transaction(async (tx) => {
    const first = await takeFirstApproval(tx, { actor, submissionId, now });
    if (first) return first;
    const submission = await takeDecision(tx, { actor, submissionId, now, data: { status: "APPROVED", decisionReason: null, decisionMessage: null } });
    const { occupationCode } = submission;
    await lockPage(tx, occupationCode);
    const number = (await latestRevisionNumber(tx, occupationCode)) + 1;

    let field: TCorrectionField | "NARRATIVE";
    let itemKey: string;
    let before: object;
    let after: object;
    if (submission.kind === "CORRECTION") {
      const correctionField = submission.field as TCorrectionField | null;
      if (!correctionField || !CORRECTION_FIELDS.includes(correctionField) || submission.itemKey === null) throw new AppError("INVALID_INPUT", "This correction is incomplete.");
      field = correctionField;
      itemKey = submission.itemKey;
      const changedSinceBase = await tx.revision.count({
        where: { occupationCode, field: correctionField, itemKey, number: { gt: submission.baseRevisionNumber ?? 0 } },
      });
      if (changedSinceBase > 0 && !applyAnyway) {
        throw new AppError("CONFLICT", "This field changed after the submission was written. Compare the versions, then approve with “apply anyway” or decline.");
      }
      const current = await getFieldState(tx, occupationCode, correctionField, itemKey);
      const value = submission.operation === "REMOVE" ? null : parseStoredValue(correctionField, submission.proposedValue);
      if (submission.operation !== "REMOVE" && value === null) throw new AppError("INVALID_INPUT", "The proposed value is not valid for this field.");
      before = toStoredState(current);
      after = toStoredState({ official: false, value });
      await tx.communityValue.upsert({
        where: { occupationCode_field_itemKey: { occupationCode, field: correctionField, itemKey } },
        create: { occupationCode, field: correctionField, itemKey, value: value ?? Prisma.DbNull, removed: value === null, revisionNumber: number, submissionId },
        update: { value: value ?? Prisma.DbNull, removed: value === null, revisionNumber: number, submissionId },
      });
    } else {
      field = "NARRATIVE";
      itemKey = submission.id;
      before = { published: false };
      after = { published: true };
    }

    const revision = await tx.revision.create({
      data: { occupationCode, number, kind: "APPROVAL", field, itemKey, before, after, submissionId, actorId: actor.userId, createdAt: now },
      select: { id: true },
    });
    await recordAuditEntry(tx, {
      actor,
      action: "submission.approve",
      target: { type: "submission", id: submissionId },
      before: { status: "PENDING", state: before },
      after: { status: "APPROVED", state: after, revisionId: revision.id, revisionNumber: number, appliedAnyway: applyAnyway, ...(submission.firstApprovedById ? { firstApprovedById: submission.firstApprovedById } : {}) },
    });
    await queueNotification(tx, { userId: submission.authorId, kind: "SUBMISSION_APPROVED", submissionId });
    await notifyPageWatchers(tx, { revisionId: revision.id, skipUserIds: [actor.userId, submission.authorId] });
    await sampleSecondLook(tx, { submission, revisionId: revision.id, approverId: actor.userId, now });
    return { submissionId, occupationCode, published: true, revisionNumber: number };
  });
}
