import "server-only";
import { prisma } from "@/lib/db/prisma";
import { CORRECTION_FIELDS, FIELD_LABELS, fieldShape, isAddedItemKey, LIST_FIELDS, parseStoredValue, type TCorrectionField, type TListField, valueToText } from "./fields";
import { findCurrentListItems } from "./find-current-list-items";
import { findOfficialValues } from "./official-values";

export interface CorrectionContext {
  occupation: { code: string; slug: string; title: string };
  baseRevisionNumber: number;
  /** What the page shows now for each whole text field (community value over official), as editable text. */
  fields: { field: TCorrectionField; label: string; currentText: string; corrected: boolean }[];
  /** Each list field's items as the page shows them now, by key (related careers as "code title"). */
  lists: { field: TListField; label: string; items: { itemKey: string; text: string; corrected: boolean }[] }[];
  /** The page's tasks now: official ones not removed, plus community-added ones. */
  tasks: { itemKey: string; statement: string; corrected: boolean }[];
}

/** What the correction form shows for a role: current values and the revision they are based on. Null for an unknown slug. */
export async function getCorrectionContext(slug: string): Promise<CorrectionContext | null> {
  const occupation = await prisma.occupation.findUnique({ where: { slug }, select: { code: true, slug: true, title: true } });
  if (!occupation) return null;
  const [official, values, latest] = await Promise.all([
    findOfficialValues(occupation.code),
    prisma.communityValue.findMany({ where: { occupationCode: occupation.code } }),
    prisma.revision.findFirst({ where: { occupationCode: occupation.code }, orderBy: { number: "desc" }, select: { number: true } }),
  ]);
  const overlay = new Map(values.map((v) => [`${v.field}|${v.itemKey}`, v]));
  const fields = CORRECTION_FIELDS.filter((field) => fieldShape(field) === "text").map((field) => {
    const row = overlay.get(`${field}|`);
    const value = row ? parseStoredValue(field, row.value) : official[field as Exclude<TCorrectionField, "TASK">];
    return { field, label: FIELD_LABELS[field], currentText: valueToText(value), corrected: row !== undefined };
  });
  const shownLists = await Promise.all(LIST_FIELDS.map(async (field) => ({ field, list: await findCurrentListItems(occupation.code, field) })));
  const relatedCodes = shownLists.find((l) => l.field === "RELATED_CAREERS")!.list.items.map((item) => item.text);
  const relatedTitles = new Map(
    relatedCodes.length ? (await prisma.occupation.findMany({ where: { code: { in: relatedCodes } }, select: { code: true, title: true } })).map((o) => [o.code, o.title]) : [],
  );
  // Related careers are shown as "code title"; only the code is kept.
  const lists = shownLists.map(({ field, list }) => ({
    field,
    label: FIELD_LABELS[field],
    items: list.items.map((item) => ({ itemKey: item.key, text: field === "RELATED_CAREERS" ? `${item.text} ${relatedTitles.get(item.text) ?? ""}`.trim() : item.text, corrected: item.correction !== null })),
  }));
  const tasks: CorrectionContext["tasks"] = [];
  for (const task of official.tasks) {
    const row = overlay.get(`TASK|${task.itemKey}`);
    if (row?.removed) continue;
    tasks.push({ itemKey: task.itemKey, statement: row ? valueToText(parseStoredValue("TASK", row.value)) : task.statement, corrected: row !== undefined });
  }
  for (const row of values) {
    if (row.field === "TASK" && isAddedItemKey(row.itemKey) && !row.removed) tasks.push({ itemKey: row.itemKey, statement: valueToText(parseStoredValue("TASK", row.value)), corrected: true });
  }
  return { occupation, baseRevisionNumber: latest?.number ?? 0, fields, lists, tasks };
}
