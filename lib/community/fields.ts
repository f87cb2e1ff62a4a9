import { z } from "zod";
import { ONET_SOC_CODE } from "@/lib/validation/onet-soc-code";
import { multiLineText, singleLineText } from "@/lib/validation/text";
import type { CommunityField, CorrectionOperation } from "@/lib/generated/prisma/enums";

/**
 * The parts of a role page a correction can target, with the shape of their value.
 * Universal (no server-only imports): forms and use cases share these schemas and limits.
 *
 * - text fields (description, education and training, pay/outlook note): `{ text }`
 * - list fields (alternate titles, technology skills, related careers): one item per
 *   correction, `{ item }` (an O*NET-SOC code for related careers, which must exist), added,
 *   reworded or removed, like tasks. Whole-list values `{ items }` (item key "") were stored
 *   before lists were corrected item by item: they are still read (see `LEGACY_LIST_KEY`).
 * - tasks: one task per correction, `{ statement }`, added, changed or removed
 */
export const CORRECTION_FIELDS = [
  "DESCRIPTION",
  "TASK",
  "ALTERNATE_TITLES",
  "TECHNOLOGY_SKILLS",
  "EDUCATION",
  "RELATED_CAREERS",
  "PAY_OUTLOOK_NOTE",
] as const satisfies readonly CommunityField[];

export type TCorrectionField = (typeof CORRECTION_FIELDS)[number];

export const FIELD_LABELS: Record<CommunityField, string> = {
  DESCRIPTION: "Description",
  TASK: "Task",
  ALTERNATE_TITLES: "Alternate titles",
  TECHNOLOGY_SKILLS: "Technology skills",
  EDUCATION: "Education and training",
  RELATED_CAREERS: "Related careers",
  PAY_OUTLOOK_NOTE: "Note on pay or outlook",
  NARRATIVE: "Practitioner narrative",
  OFFICIAL_DATA: "Official data",
};

export const LIMITS = {
  text: 4000,
  taskStatement: 500,
  listItem: 120,
  listItems: 60,
  rationale: { min: 10, max: 2000 },
  sourceUrl: 500,
} as const;

const cleaned = (max: number, what: string, { multiline }: { multiline: boolean }) =>
  (multiline ? multiLineText() : singleLineText()).pipe(z.string().min(1, `${what} cannot be empty.`).max(max, `${what} can be at most ${max} characters.`));

const ZTextValueSchema = z.object({ text: cleaned(LIMITS.text, "The text", { multiline: true }) }).strict();
const ZTaskValueSchema = z.object({ statement: cleaned(LIMITS.taskStatement, "The task", { multiline: false }) }).strict();
/** A whole list (item key ""): how list corrections were stored before they were made item by item. */
const ZListValueSchema = z
  .object({
    items: z
      .array(cleaned(LIMITS.listItem, "Each item", { multiline: false }))
      .max(LIMITS.listItems, `At most ${LIMITS.listItems} items.`)
      .refine((items) => new Set(items.map((item) => item.toLowerCase())).size === items.length, "Each item may appear only once."),
  })
  .strict();

/** One item of a list (an alternate title, a technology skill). */
const ZListItemValueSchema = z.object({ item: cleaned(LIMITS.listItem, "The item", { multiline: false }) }).strict();

const RELATED_CODE_MESSAGE = "Each related career must be an O*NET-SOC code such as 15-1299.05.";
/** One related career: an occupation named by its O*NET-SOC code (checked against the occupations on submit). */
const ZRelatedCareerItemValueSchema = z.object({ item: z.string().trim().regex(ONET_SOC_CODE, RELATED_CODE_MESSAGE) }).strict();

/** Related careers as a whole list (item key "", stored before item-by-item corrections). */
const ZRelatedCareersValueSchema = z
  .object({
    items: z
      .array(z.string().trim().regex(ONET_SOC_CODE, RELATED_CODE_MESSAGE))
      .min(1, "Name at least one related career.")
      .max(LIMITS.listItems, `At most ${LIMITS.listItems} items.`)
      .refine((items) => new Set(items).size === items.length, "Each career may appear only once."),
  })
  .strict();

export type TTextValue = z.infer<typeof ZTextValueSchema>;
export type TTaskValue = z.infer<typeof ZTaskValueSchema>;
export type TListValue = z.infer<typeof ZListValueSchema>;
export type TListItemValue = z.infer<typeof ZListItemValueSchema>;
export type TFieldValue = TTextValue | TTaskValue | TListValue | TListItemValue;

export type FieldShape = "text" | "task" | "list";

/** The fields that are lists of items, corrected item by item. */
export const LIST_FIELDS = ["ALTERNATE_TITLES", "TECHNOLOGY_SKILLS", "RELATED_CAREERS"] as const satisfies readonly TCorrectionField[];
export type TListField = (typeof LIST_FIELDS)[number];
export const isListField = (field: CommunityField): field is TListField => (LIST_FIELDS as readonly CommunityField[]).includes(field);

export function fieldShape(field: TCorrectionField): FieldShape {
  if (field === "TASK") return "task";
  return isListField(field) ? "list" : "text";
}

/** A task correction's item key: `onet:<task id>` for an official task. */
export const officialTaskKey = (taskId: number) => `onet:${taskId}`;
/**
 * A list item's key: `onet:<the item without case>` for an item of the official list (its
 * natural key: the title, the technology example, the related occupation's code), so a
 * correction still finds its item in a later release, or is flagged when the item is gone.
 */
export const officialListItemKey = (item: string) => `onet:${item.toLowerCase()}`;
/** The key of a task or list item practitioners added: `new:<id>`. */
export const addedItemKey = (id: string) => `new:${id}`;
export const isAddedItemKey = (itemKey: string) => itemKey.startsWith("new:");
/** A whole-list value's item key: list corrections stored before item-by-item corrections replace the list; pages still read them. */
export const LEGACY_LIST_KEY = "";
/** The longest item key: "onet:" or "new:" and a list item. */
export const ITEM_KEY_MAX = LIMITS.listItem + 80;

/** The stored value's schema: list fields accept one item or (stored before) a whole list. */
export function valueSchemaFor(field: TCorrectionField) {
  const shape = fieldShape(field);
  if (field === "RELATED_CAREERS") return z.union([ZRelatedCareerItemValueSchema, ZRelatedCareersValueSchema]);
  return shape === "task" ? ZTaskValueSchema : shape === "list" ? z.union([ZListItemValueSchema, ZListValueSchema]) : ZTextValueSchema;
}

/** Every correctable list item is added, changed (reworded) or removed one by one; whole texts are changed. */
export function allowedOperations(field: TCorrectionField): readonly CorrectionOperation[] {
  return fieldShape(field) === "text" ? ["CHANGE"] : ["ADD", "CHANGE", "REMOVE"];
}

/**
 * What a correction may propose (stricter than what is stored): a list field's correction is
 * one item (`{ item }`). Only a whole-list value (item key "", a moderator updating one that a
 * release contradicted) is a list, which needs at least one item.
 */
export function proposedValueSchemaFor(field: TCorrectionField, itemKey?: string) {
  if (fieldShape(field) !== "list") return valueSchemaFor(field);
  if (itemKey !== LEGACY_LIST_KEY) return field === "RELATED_CAREERS" ? ZRelatedCareerItemValueSchema : ZListItemValueSchema;
  const whole = field === "RELATED_CAREERS" ? ZRelatedCareersValueSchema : ZListValueSchema;
  return whole.refine((value) => value.items.length > 0, {
    message: `${FIELD_LABELS[field]}: list at least one item, one per line. A correction cannot empty the whole list.`,
    path: ["items"],
  });
}

/** A field value as plain lines of text, for diffs, feeds and plain rendering. */
export function valueToText(value: TFieldValue | null): string {
  if (value === null) return "";
  if ("text" in value) return value.text;
  if ("statement" in value) return value.statement;
  if ("item" in value) return value.item;
  return value.items.join("\n");
}

/** A stored value as plain JSON: its text, its item, or its list of items. */
export function plainValue(value: TFieldValue | null): string | string[] | null {
  if (value === null) return null;
  if ("text" in value) return value.text;
  if ("statement" in value) return value.statement;
  if ("item" in value) return value.item;
  return value.items;
}

export function isCorrectionField(field: CommunityField): field is TCorrectionField {
  return (CORRECTION_FIELDS as readonly CommunityField[]).includes(field);
}

/** Reads a stored JSON value back through the field's schema (null when absent or removed). */
export function parseStoredValue(field: CommunityField, value: unknown): TFieldValue | null {
  if (value === null || value === undefined || !isCorrectionField(field)) return null;
  const parsed = valueSchemaFor(field).safeParse(value);
  return parsed.success ? parsed.data : null;
}
