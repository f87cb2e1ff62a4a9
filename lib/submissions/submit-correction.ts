import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { addedItemKey, fieldShape, isListField, parseStoredValue, type TFieldValue, type TListField, valueToText } from "@/lib/community/fields";
import { findCurrentListItems } from "@/lib/community/find-current-list-items";
import type { CorrectionOperation } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { type FieldState, getFieldState, latestRevisionNumber, toStoredState } from "@/lib/revisions/page-state";
import { correctionStoredNotices } from "./correction-checks";
import { ALREADY_PENDING_MESSAGE, findSentWithKey, lockAndFindSent, sameJson, sendOnce, type TSameContent } from "./send-once";
import { consumeSubmissionAllowance } from "./submission-rate-limit";
import { type TSubmitCorrectionInput, ZSubmitCorrectionInputSchema } from "./submit-correction.types";

export interface SubmitCorrectionOptions {
  actor: Actor | null;
  input: unknown;
  now?: Date;
}

/**
 * A practitioner proposes a correction to one field of a role page. It waits in the queue
 * (PENDING) and remembers the page revision it was based on, for conflict detection. Sending
 * the same form twice gives the first submission back (other content under its key is
 * refused); an identical pending correction by the same author is refused
 * (lib/submissions/send-once.ts). The answer says which fields were
 * stored differently from how they were typed.
 */
export async function submitCorrection({ actor, input, now = new Date() }: SubmitCorrectionOptions) {
  assertCan(actor, "submission:create");
  const data: TSubmitCorrectionInput = parseOrThrow(ZSubmitCorrectionInputSchema, input);
  const proposed = data.operation === "REMOVE" ? null : parseStoredValue(data.field, data.proposedValue);
  const storedNotices = correctionStoredNotices(input, { ...data, proposedValue: proposed });
  const sameCorrection: TSameContent = (row) =>
    row.kind === "CORRECTION" &&
    row.occupationCode === data.occupationCode &&
    row.field === data.field &&
    row.operation === data.operation &&
    (fieldShape(data.field) === "text" || data.operation === "ADD" || row.itemKey === data.itemKey) &&
    sameJson(row.proposedValue, proposed) &&
    row.rationale === data.rationale &&
    row.sourceUrl === (data.sourceUrl ?? null);
  const sent = await findSentWithKey(prisma, actor.userId, data.idempotencyKey, sameCorrection);
  if (sent) return { ...sent, storedNotices };
  const occupation = await prisma.occupation.findUnique({ where: { code: data.occupationCode }, select: { code: true } });
  if (!occupation) throw new AppError("NOT_FOUND", "That occupation does not exist.");

  const itemKey = fieldShape(data.field) === "text" ? "" : data.operation === "ADD" ? addedItemKey(randomUUID()) : data.itemKey!;
  const latest = await latestRevisionNumber(prisma, data.occupationCode);
  const baseRevisionNumber = Math.min(data.baseRevisionNumber, latest);
  const base = isListField(data.field)
    ? await listItemBase(data.occupationCode, data.field, data.operation, itemKey, proposed)
    : data.operation === "ADD"
      ? { official: false, value: null }
      : await getFieldState(prisma, data.occupationCode, data.field, itemKey, baseRevisionNumber);
  // A task must still be there; a whole field may be empty (no official pay note) and get its first value.
  if (data.field === "TASK" && data.operation !== "ADD" && base.value === null) throw new AppError("NOT_FOUND", "That item is no longer on the page.", { itemKey: ["That item is no longer on the page."] });
  if (data.field === "RELATED_CAREERS" && proposed && "item" in proposed) await assertOccupationsExist([proposed.item]);
  if (data.operation === "CHANGE" && valueToText(proposed) === valueToText(base.value)) {
    throw new AppError("INVALID_INPUT", "The proposed value is the same as the current one.", { proposedValue: ["Change something before sending."] });
  }

  const submission = await sendOnce(
    actor.userId,
    data.idempotencyKey,
    sameCorrection,
    () =>
      prisma.$transaction(async (tx) => {
        const again = await lockAndFindSent(tx, actor.userId, data.occupationCode, data.idempotencyKey, sameCorrection);
        if (again) return again;
        const pending = await tx.submission.findMany({
          where: { authorId: actor.userId, occupationCode: data.occupationCode, kind: "CORRECTION", status: "PENDING", field: data.field, operation: data.operation, ...(data.operation === "ADD" ? {} : { itemKey }) },
          select: { proposedValue: true },
        });
        if (pending.some((row) => valueToText(parseStoredValue(data.field, row.proposedValue)) === valueToText(proposed))) {
          throw new AppError("CONFLICT", ALREADY_PENDING_MESSAGE);
        }
        await consumeSubmissionAllowance(tx, actor.userId, now);
        const created = await tx.submission.create({
          data: {
            kind: "CORRECTION",
            status: "PENDING",
            occupationCode: data.occupationCode,
            authorId: actor.userId,
            field: data.field,
            operation: data.operation,
            itemKey,
            proposedValue: proposed ?? Prisma.DbNull,
            baseValue: toStoredState(base),
            baseRevisionNumber,
            rationale: data.rationale,
            sourceUrl: data.sourceUrl ?? null,
            submittedAt: now,
            idempotencyKey: data.idempotencyKey ?? null,
          },
          select: { id: true, status: true, itemKey: true },
        });
        await recordAuditEntry(tx, { actor, action: "submission.submit", target: { type: "submission", id: created.id }, after: { kind: "CORRECTION", field: data.field, operation: data.operation } });
        return created;
      }),
    (row) => row,
  );
  return { ...submission, storedNotices };
}

/**
 * What a list item correction is based on: the item as the page shows it now (it must be
 * there to be reworded or removed). An added or reworded item must not already be on the list.
 */
async function listItemBase(occupationCode: string, field: TListField, operation: CorrectionOperation, itemKey: string, proposed: TFieldValue | null): Promise<FieldState> {
  const list = await findCurrentListItems(occupationCode, field);
  const item = list.items.find((shown) => shown.key === itemKey);
  if (operation !== "ADD" && !item) throw new AppError("NOT_FOUND", "That item is no longer on the page.", { itemKey: ["That item is no longer on the page."] });
  const text = proposed && "item" in proposed ? proposed.item.toLowerCase() : null;
  const twin = text === null ? undefined : list.items.find((shown) => shown.key !== itemKey && shown.text.toLowerCase() === text);
  if (twin) throw new AppError("INVALID_INPUT", `“${twin.text}” is already on the list.`, { proposedValue: [`“${twin.text}” is already on the list.`] });
  return item ? { official: item.correction === null, value: { item: item.text } } : { official: false, value: null };
}

/** Related careers must name occupations the site has (by O*NET-SOC code). */
async function assertOccupationsExist(codes: string[]) {
  const found = new Set((await prisma.occupation.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((o) => o.code));
  const unknown = codes.filter((code) => !found.has(code));
  if (unknown.length > 0) {
    const message = `No occupation has the code ${unknown.join(", ")}.`;
    throw new AppError("INVALID_INPUT", message, { proposedValue: [message] });
  }
}
