import "server-only";
import { z } from "zod";
import { multiLineText } from "@/lib/validation/text";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { queueNotification } from "@/lib/notifications/queue-notification";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { takeDecision } from "./decision-guard";
import { releasingClaimOnFailure } from "./release-claim";

export const ZRequestChangesInputSchema = z.object({
  submissionId: z.string().min(1).max(40),
  /** What the author should change: required. */
  message: multiLineText().pipe(z.string().min(10, "Tell the author what to change (at least 10 characters).").max(2000, "The message can be at most 2000 characters.")),
});

export interface RequestChangesOptions {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}

/** Sends a pending submission back to its author with what to change (status CHANGES_REQUESTED). A failed request releases the moderator's claim. */
export async function requestChanges({ actor, input, now = new Date() }: RequestChangesOptions) {
  assertCan(actor, "moderation:decide");
  const submissionId = (input as { submissionId?: unknown } | null)?.submissionId;
  return releasingClaimOnFailure(actor, submissionId, async () => {
    const data = parseOrThrow(ZRequestChangesInputSchema, input);
    return prisma.$transaction(async (tx) => {
      const submission = await takeDecision(tx, { actor, submissionId: data.submissionId, now, data: { status: "CHANGES_REQUESTED", decisionReason: "changes-requested", decisionMessage: data.message } });
      await recordAuditEntry(tx, {
        actor,
        action: "submission.request-changes",
        target: { type: "submission", id: submission.id },
        before: { status: "PENDING" },
        after: { status: "CHANGES_REQUESTED", message: data.message },
      });
      await queueNotification(tx, { userId: submission.authorId, kind: "CHANGES_REQUESTED", submissionId: submission.id });
      return { submissionId: submission.id, occupationCode: submission.occupationCode };
    });
  });
}
