import "server-only";
import { z } from "zod";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { CORRECTION_FIELDS, type TCorrectionField, valueToText } from "@/lib/community/fields";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { notifyPageWatchers } from "@/lib/watches/notify-page-watchers";
import { getFieldState, latestRevisionNumber, lockPage, parseFieldState, toStoredState } from "./page-state";

export const ZRollbackToRevisionInputSchema = z.object({
  revisionId: z.string().min(1).max(40),
  /** "after": restore the field as this revision left it; "before": undo this revision. */
  restore: z.enum(["after", "before"]).default("after"),
});

export interface RollbackToRevisionOptions {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}

/**
 * A moderator restores a field of a page to its state at an earlier revision. Nothing is
 * deleted: the rollback is a new ROLLBACK revision (with the audit entry and the page's
 * watchers' notifications, in one
 * transaction). Restoring the official state removes the community value.
 */
export async function rollbackToRevision({ actor, input, now = new Date() }: RollbackToRevisionOptions) {
  assertCan(actor, "revision:rollback");
  const data = parseOrThrow(ZRollbackToRevisionInputSchema, input);
  return prisma.$transaction(async (tx) => {
    const target = await tx.revision.findUnique({ where: { id: data.revisionId } });
    if (!target) throw new AppError("NOT_FOUND", "That revision does not exist.");
    const field = target.field as TCorrectionField;
    if (!CORRECTION_FIELDS.includes(field)) throw new AppError("INVALID_INPUT", "Narratives are taken off a page by reporting them, not by rolling back.");
    const { occupationCode, itemKey } = target;
    await lockPage(tx, occupationCode);
    const restored = parseFieldState(field, data.restore === "after" ? target.after : target.before);
    const current = await getFieldState(tx, occupationCode, field, itemKey);
    if (current.official === restored.official && valueToText(current.value) === valueToText(restored.value)) {
      throw new AppError("CONFLICT", "The page already shows that version of this field.");
    }
    const number = (await latestRevisionNumber(tx, occupationCode)) + 1;
    if (restored.official) {
      await tx.communityValue.deleteMany({ where: { occupationCode, field, itemKey } });
    } else {
      const value = restored.value ?? Prisma.DbNull;
      await tx.communityValue.upsert({
        where: { occupationCode_field_itemKey: { occupationCode, field, itemKey } },
        create: { occupationCode, field, itemKey, value, removed: restored.value === null, revisionNumber: number, submissionId: null },
        update: { value, removed: restored.value === null, revisionNumber: number, submissionId: null },
      });
    }
    const revision = await tx.revision.create({
      data: {
        occupationCode,
        number,
        kind: "ROLLBACK",
        field,
        itemKey,
        before: toStoredState(current),
        after: toStoredState(restored),
        restoredFromId: target.id,
        actorId: actor.userId,
        createdAt: now,
      },
      select: { id: true, number: true },
    });
    await recordAuditEntry(tx, {
      actor,
      action: "revision.rollback",
      target: { type: "revision", id: revision.id },
      before: toStoredState(current),
      after: { ...toStoredState(restored), restoredFrom: target.number, restore: data.restore },
    });
    await notifyPageWatchers(tx, { revisionId: revision.id, skipUserIds: [actor.userId] });
    // Read in the transaction: revalidating the page after the commit needs no further query.
    return { revisionId: revision.id, revisionNumber: revision.number, occupationCode };
  });
}
