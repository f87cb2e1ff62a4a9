import { z } from "zod";
import { ONET_SOC_CODE } from "@/lib/validation/onet-soc-code";
import { multiLineText, singleLineText } from "@/lib/validation/text";
import type { CommunityField, CorrectionOperation } from "@/lib/generated/prisma/enums";

/**
 * The parts of a role page a correction can target, with the shape of their value.
 * Universal (no server-only imports): forms and use cases share these schemas and limits.
 *
 * - text fields (description, education and training, pay/outlook note): `{ text }`
 * - list fields (alternate titles, technology skills): `{ items }`, the whole list as the
 *   author wants it; related careers: `{ items }` of O*NET-SOC codes (which must exist)
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
const ZListValueSchema = z
  .object({
    items: z
      .array(cleaned(LIMITS.listItem, "Each item", { multiline: false }))
      .max(LIMITS.listItems, `At most ${LIMITS.listItems} items.`)
      .refine((items) => new Set(items.map((item) => item.toLowerCase())).size === items.length, "Each item may appear only once."),
  })
  .strict();

/** Related careers are occupations, named by their O*NET-SOC codes (checked against the occupations on submit). */
const ZRelatedCareersValueSchema = z
  .object({
    items: z
      .array(z.string().trim().regex(ONET_SOC_CODE, "Each related career must be an O*NET-SOC code such as 15-1299.05."))
      .min(1, "Name at least one related career.")
      .max(LIMITS.listItems, `At most ${LIMITS.listItems} items.`)
      .refine((items) => new Set(items).size === items.length, "Each career may appear only once."),
  })
  .strict();

export type TTextValue = z.infer<typeof ZTextValueSchema>;
export type TTaskValue = z.infer<typeof ZTaskValueSchema>;
export type TListValue = z.infer<typeof ZListValueSchema>;
export type TFieldValue = TTextValue | TTaskValue | TListValue;

export type FieldShape = "text" | "task" | "list";

export function fieldShape(field: TCorrectionField): FieldShape {
  if (field === "TASK") return "task";
  if (field === "ALTERNATE_TITLES" || field === "TECHNOLOGY_SKILLS" || field === "RELATED_CAREERS") return "list";
  return "text";
}

/** A task correction's item key: `onet:<task id>` for an official task, `new:<id>` for one practitioners added. */
export const officialTaskKey = (taskId: number) => `onet:${taskId}`;
export const addedTaskKey = (id: string) => `new:${id}`;
export const isAddedTaskKey = (itemKey: string) => itemKey.startsWith("new:");

export function valueSchemaFor(field: TCorrectionField) {
  const shape = fieldShape(field);
  if (field === "RELATED_CAREERS") return ZRelatedCareersValueSchema;
  return shape === "task" ? ZTaskValueSchema : shape === "list" ? ZListValueSchema : ZTextValueSchema;
}

/** Which operations a field allows: only tasks are added or removed one by one. */
export function allowedOperations(field: TCorrectionField): readonly CorrectionOperation[] {
  return field === "TASK" ? ["ADD", "CHANGE", "REMOVE"] : ["CHANGE"];
}

/**
 * What a correction may propose (stricter than what is stored): a list field needs at least
 * one item, since "no items" would replace the whole list with nothing. Lines are items, so a
 * proposal of blank or invisible lines arrives here as no items and gets this message.
 */
export function proposedValueSchemaFor(field: TCorrectionField) {
  if (fieldShape(field) !== "list") return valueSchemaFor(field);
  return (valueSchemaFor(field) as typeof ZListValueSchema).refine((value) => value.items.length > 0, {
    message: `${FIELD_LABELS[field]}: list at least one item, one per line. A correction cannot empty the whole list; change or remove single lines instead.`,
    path: ["items"],
  });
}

/** A field value as plain lines of text, for diffs, feeds and plain rendering. */
export function valueToText(value: TFieldValue | null): string {
  if (value === null) return "";
  if ("text" in value) return value.text;
  if ("statement" in value) return value.statement;
  return value.items.join("\n");
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
