import "server-only";
import { diffArrays, diffWords } from "diff";
import { CORRECTION_FIELDS, FIELD_LABELS, fieldShape, type TCorrectionField, type TFieldValue, valueToText } from "@/lib/community/fields";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { getFieldState } from "./page-state";

export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface FieldDiff {
  field: TCorrectionField;
  fieldLabel: string;
  itemKey: string;
  fromText: string;
  toText: string;
  parts: DiffPart[];
}

/** Word diff for text, item diff for lists (one list item is a list of one) (npm `diff`). */
export function diffValues(field: TCorrectionField, from: TFieldValue | null, to: TFieldValue | null): DiffPart[] {
  if (fieldShape(field) === "list") {
    const items = (value: TFieldValue | null) => (value === null ? [] : "items" in value ? value.items : "item" in value ? [value.item] : []);
    const [a, b] = [items(from), items(to)];
    return diffArrays(a, b).flatMap((change) => change.value.map((item) => ({ value: item, added: !!change.added, removed: !!change.removed })));
  }
  return diffWords(valueToText(from), valueToText(to)).map((change) => ({ value: change.value, added: !!change.added, removed: !!change.removed }));
}

/**
 * What differs on a page between two of its revisions (0 = before any community change):
 * for each field touched in between, the state at `from` and at `to`, and their diff.
 */
export async function diffRevisions({ occupationCode, from, to }: { occupationCode: string; from: number; to: number }): Promise<FieldDiff[]> {
  const [low, high] = from <= to ? [from, to] : [to, from];
  const touched = await prisma.revision.findMany({
    where: { occupationCode, number: { gt: low, lte: high }, field: { in: [...CORRECTION_FIELDS] } },
    select: { field: true, itemKey: true },
    distinct: ["field", "itemKey"],
  });
  if (high > 0 && !(await prisma.revision.findUnique({ where: { occupationCode_number: { occupationCode, number: high } }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", `This page has no revision ${high}.`);
  }
  const diffs: FieldDiff[] = [];
  for (const { field: rawField, itemKey } of touched) {
    const field = rawField as TCorrectionField;
    const [a, b] = await Promise.all([getFieldState(prisma, occupationCode, field, itemKey, from), getFieldState(prisma, occupationCode, field, itemKey, to)]);
    diffs.push({ field, fieldLabel: FIELD_LABELS[field], itemKey, fromText: valueToText(a.value), toText: valueToText(b.value), parts: diffValues(field, a.value, b.value) });
  }
  return diffs;
}
