import "server-only";
import { notifyPageWatchers } from "@/lib/watches/notify-page-watchers";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { fieldShape, isCorrectionField, LEGACY_LIST_KEY, parseStoredValue, proposedValueSchemaFor, type TCorrectionField, type TFieldValue } from "@/lib/community/fields";
import { listItemFromText, listItemsFromText } from "@/lib/community/list-items";
import { getOfficialValue } from "@/lib/community/official-values";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { type Prisma } from "@/lib/generated/prisma/client";
import { latestRevisionNumber, lockPage, toStoredState } from "@/lib/revisions/page-state";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { ZResolveReleaseConflictInputSchema } from "./resolve-release-conflict.types";

export interface ResolveReleaseConflictOptions {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}

/**
 * A moderator resolves a release conflict (a correction whose official base a new release
 * changed): keep the correction, update it with a new value, or retire it so that the official
 * value shows again. Update and retire are a CONFLICT_RESOLUTION revision of the page; every
 * decision is audited; all in one transaction under the page lock. Once resolved, a second
 * decision gets ALREADY_DECIDED.
 */
export async function resolveReleaseConflict({ actor, input, now = new Date() }: ResolveReleaseConflictOptions) {
  assertCan(actor, "moderation:decide");
  const data = parseOrThrow(ZResolveReleaseConflictInputSchema, input);
  return prisma.$transaction(async (tx) => {
    const conflict = await tx.releaseConflict.findUnique({ where: { id: data.conflictId } });
    if (!conflict) throw new AppError("NOT_FOUND", "That release conflict does not exist.");
    if (!isCorrectionField(conflict.field)) throw new AppError("INVALID_INPUT", "That conflict is not about a correctable field.");
    const field: TCorrectionField = conflict.field;
    const { occupationCode, itemKey } = conflict;
    await lockPage(tx, occupationCode);
    const claimed = await tx.releaseConflict.updateMany({
      where: { id: conflict.id, resolvedAt: null },
      data: { resolvedAt: now, resolvedById: actor.userId, resolution: data.decision },
    });
    if (claimed.count === 0) throw new AppError("ALREADY_DECIDED", "Another moderator has already resolved this conflict.");

    const stored = await tx.communityValue.findUnique({ where: { occupationCode_field_itemKey: { occupationCode, field, itemKey } } });
    const current = { official: stored === null, value: stored ? (stored.removed ? null : parseStoredValue(field, stored.value)) : await getOfficialValue(occupationCode, field, itemKey, tx) };
    let revisionNumber: number | null = null;
    let after = current;
    if (data.decision !== "keep") {
      revisionNumber = (await latestRevisionNumber(tx, occupationCode)) + 1;
      if (data.decision === "retire") {
        after = { official: true, value: await getOfficialValue(occupationCode, field, itemKey, tx) };
        await tx.communityValue.deleteMany({ where: { occupationCode, field, itemKey } });
      } else {
        const value = parseUpdatedValue(field, conflict.itemKey, data.value ?? "");
        after = { official: false, value };
        await tx.communityValue.upsert({
          where: { occupationCode_field_itemKey: { occupationCode, field, itemKey } },
          create: { occupationCode, field, itemKey, value, removed: false, revisionNumber, submissionId: null },
          update: { value, removed: false, revisionNumber, submissionId: null },
        });
      }
      const revision = await tx.revision.create({
        data: {
          occupationCode,
          number: revisionNumber,
          kind: "CONFLICT_RESOLUTION",
          field,
          itemKey,
          before: toStoredState(current),
          after: toStoredState(after),
          actorId: actor.userId,
          createdAt: now,
        },
        select: { id: true },
      });
      await notifyPageWatchers(tx, { revisionId: revision.id, skipUserIds: [actor.userId] });
    }
    await recordAuditEntry(tx, {
      actor,
      action: `release-conflict.${data.decision}`,
      target: { type: "release-conflict", id: conflict.id },
      before: { ...toStoredState(current), officialBefore: conflict.officialBefore ?? null, officialAfter: conflict.officialAfter ?? null } as Prisma.InputJsonValue,
      after: { ...toStoredState(after), revision: revisionNumber } as Prisma.InputJsonValue,
    });
    return { occupationCode, decision: data.decision, revisionNumber };
  });
}

/** The moderator's updated value in the field's shape, checked like a correction. */
function parseUpdatedValue(field: TCorrectionField, itemKey: string, raw: string): TFieldValue {
  const shape = fieldShape(field);
  const list = () => (itemKey === LEGACY_LIST_KEY ? { items: listItemsFromText(field, raw) } : { item: listItemFromText(field, raw) });
  const candidate = shape === "list" ? list() : shape === "task" ? { statement: raw } : { text: raw };
  return parseOrThrow(proposedValueSchemaFor(field, itemKey), candidate) as TFieldValue;
}
