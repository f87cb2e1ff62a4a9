import "server-only";
import { prisma } from "@/lib/db/prisma";
import { CORRECTION_FIELDS, FIELD_LABELS, isAddedTaskKey, parseStoredValue, type TCorrectionField, valueToText } from "./fields";
import { findOfficialValues } from "./official-values";

export interface CorrectionContext {
  occupation: { code: string; slug: string; title: string };
  baseRevisionNumber: number;
  /** What the page shows now for each whole field (community value over official), as editable text. */
  fields: { field: TCorrectionField; label: string; currentText: string; corrected: boolean }[];
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
  const currentOf = (field: TCorrectionField) => {
    const row = overlay.get(`${field}|`);
    return { row, value: row ? parseStoredValue(field, row.value) : official[field as Exclude<TCorrectionField, "TASK">] };
  };
  const relatedCodes = (() => {
    const value = currentOf("RELATED_CAREERS").value;
    return value && "items" in value ? value.items : [];
  })();
  const relatedTitles = new Map(
    relatedCodes.length ? (await prisma.occupation.findMany({ where: { code: { in: relatedCodes } }, select: { code: true, title: true } })).map((o) => [o.code, o.title]) : [],
  );
  const fields = CORRECTION_FIELDS.filter((f) => f !== "TASK").map((field) => {
    const { row, value } = currentOf(field);
    // Related careers are edited as "code title" lines; only the code is kept.
    const currentText = field === "RELATED_CAREERS" ? relatedCodes.map((code) => `${code} ${relatedTitles.get(code) ?? ""}`.trim()).join("\n") : valueToText(value);
    return { field, label: FIELD_LABELS[field], currentText, corrected: row !== undefined };
  });
  const tasks: CorrectionContext["tasks"] = [];
  for (const task of official.tasks) {
    const row = overlay.get(`TASK|${task.itemKey}`);
    if (row?.removed) continue;
    tasks.push({ itemKey: task.itemKey, statement: row ? valueToText(parseStoredValue("TASK", row.value)) : task.statement, corrected: row !== undefined });
  }
  for (const row of values) {
    if (row.field === "TASK" && isAddedTaskKey(row.itemKey) && !row.removed) tasks.push({ itemKey: row.itemKey, statement: valueToText(parseStoredValue("TASK", row.value)), corrected: true });
  }
  return { occupation, baseRevisionNumber: latest?.number ?? 0, fields, tasks };
}
