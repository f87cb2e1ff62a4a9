import "server-only";
import { z } from "zod";
import { multiLineText } from "@/lib/validation/text";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { queueNotification } from "@/lib/notifications/queue-notification";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { DECLINE_REASON_KEYS, DECLINE_REASONS } from "./decline-reasons";
import { takeDecision } from "./decision-guard";
import { releasingClaimOnFailure } from "./release-claim";

export const ZDeclineSubmissionInputSchema = z
  .object({
    submissionId: z.string().min(1).max(40),
    /** One of the common reasons, or "other". */
    reason: z.enum(DECLINE_REASON_KEYS, { message: "Choose a reason." }),
    /** Free text for the author; required with "other". */
    message: multiLineText().pipe(z.string().max(2000, "The message can be at most 2000 characters.")).optional(),
  })
  .refine((input) => input.reason !== "other" || (input.message?.length ?? 0) >= 10, { path: ["message"], message: "Explain the reason in a few words (at least 10 characters)." });

export interface DeclineSubmissionOptions {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}

/** Declines a pending submission with a reason the author will see; audited and notified in one transaction. A failed decline releases the moderator's claim. */
export async function declineSubmission({ actor, input, now = new Date() }: DeclineSubmissionOptions) {
  assertCan(actor, "moderation:decide");
  const submissionId = (input as { submissionId?: unknown } | null)?.submissionId;
  return releasingClaimOnFailure(actor, submissionId, async () => {
    const data = parseOrThrow(ZDeclineSubmissionInputSchema, input);
    const message = data.message || DECLINE_REASONS[data.reason];
    return prisma.$transaction(async (tx) => {
      const submission = await takeDecision(tx, { actor, submissionId: data.submissionId, now, data: { status: "DECLINED", decisionReason: data.reason, decisionMessage: message } });
      await recordAuditEntry(tx, {
        actor,
        action: "submission.decline",
        target: { type: "submission", id: submission.id },
        before: { status: "PENDING" },
        after: { status: "DECLINED", reason: data.reason, message },
      });
      await queueNotification(tx, { userId: submission.authorId, kind: "SUBMISSION_DECLINED", submissionId: submission.id });
      return { submissionId: submission.id, occupationCode: submission.occupationCode };
    });
  });
}
