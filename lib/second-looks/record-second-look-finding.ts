import "server-only";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { ZRecordSecondLookFindingInputSchema } from "./record-second-look-finding.types";

/**
 * Records a second look's finding (fine, or a problem with a note), once, audited in the same
 * transaction. Only the assignee may record it (any moderator but the approver when it has none,
 * and an admin in place of an assignee); never the approver or the author. A problem is undone,
 * if it needs to be, with the page's rollback (the review page links it). Of two findings at
 * once exactly one is recorded: the update is conditional on none being there yet.
 */
export async function recordSecondLookFinding({ actor, input, now = new Date() }: { actor: Actor | null; input: unknown; now?: Date }) {
  assertCan(actor, "moderation:second-look");
  const data = parseOrThrow(ZRecordSecondLookFindingInputSchema, input);
  const limit = limitFromEnv("SECOND_LOOKS_PER_HOUR", 120);
  await consumeRateLimit({ key: `second-look:user:${actor.userId}`, limit, windowSeconds: 3600, message: `You have recorded the most second looks allowed in one hour (${limit}).` }, now);
  return prisma.$transaction(async (tx) => {
    const look = await tx.secondLook.findUnique({ where: { id: data.secondLookId } });
    if (!look) throw new AppError("NOT_FOUND", "That second look does not exist.");
    const authorId = (await tx.submission.findUnique({ where: { id: look.submissionId }, select: { authorId: true } }))?.authorId;
    if (look.approverId === actor.userId || authorId === actor.userId) throw new AppError("FORBIDDEN", "A second look is for someone else: you approved or wrote this change.");
    if (look.assigneeId !== null && look.assigneeId !== actor.userId && actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "This second look is assigned to another moderator.");
    const updated = await tx.secondLook.updateMany({
      where: { id: look.id, foundAt: null },
      data: { finding: data.finding, note: data.note ?? null, foundById: actor.userId, foundAt: now },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "A finding was already recorded for this second look.");
    await recordAuditEntry(tx, {
      actor,
      action: "second-look.record",
      target: { type: "revision", id: look.revisionId },
      before: { secondLookId: look.id, finding: null, approverId: look.approverId },
      after: { secondLookId: look.id, finding: data.finding, note: data.note ?? null },
    });
    return { secondLookId: look.id, finding: data.finding, revisionId: look.revisionId, occupationCode: look.occupationCode };
  });
}
