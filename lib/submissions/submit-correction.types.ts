import { z } from "zod";
import { allowedOperations, CORRECTION_FIELDS, fieldShape, LIMITS, valueSchemaFor } from "@/lib/community/fields";
import { ONET_SOC_CODE, onetSocCodeAtLineStart } from "@/lib/validation/onet-soc-code";
import { multiLineText } from "@/lib/validation/text";

export const ZCorrectionDetailsSchema = z.object({
  /** Why the page should change: required, so moderators can judge it. */
  rationale: multiLineText().pipe(
    z
      .string()
      .min(LIMITS.rationale.min, `Please explain the change in at least ${LIMITS.rationale.min} characters.`)
      .max(LIMITS.rationale.max, `The explanation can be at most ${LIMITS.rationale.max} characters.`),
  ),
  /** Optional link to where the information can be checked (http or https). */
  sourceUrl: z
    .url({ protocol: /^https?$/, message: "The source must be a web address starting with http:// or https://." })
    .max(LIMITS.sourceUrl)
    .optional(),
  /** The page's latest revision number when the author loaded the form (0 = none yet). */
  baseRevisionNumber: z.number().int().min(0),
  /** The proposed value; its shape depends on the field (null to remove a task). */
  proposedValue: z.unknown(),
});

export const ZSubmitCorrectionInputSchema = ZCorrectionDetailsSchema.extend({
  occupationCode: z.string().regex(ONET_SOC_CODE, "Unknown occupation."),
  field: z.enum(CORRECTION_FIELDS),
  operation: z.enum(["ADD", "CHANGE", "REMOVE"]),
  /** For a task that exists ("onet:<taskId>" or "new:<id>"); absent otherwise. */
  itemKey: z.string().max(80).optional(),
}).superRefine((input, ctx) => {
  if (!allowedOperations(input.field).includes(input.operation)) {
    ctx.addIssue({ code: "custom", path: ["operation"], message: "Only tasks can be added or removed one by one; other fields are changed as a whole." });
  }
  if (input.field === "TASK" && input.operation !== "ADD" && !input.itemKey) {
    ctx.addIssue({ code: "custom", path: ["itemKey"], message: "Choose the task to change or remove." });
  }
  if (input.operation === "REMOVE") {
    if (input.proposedValue !== null && input.proposedValue !== undefined) ctx.addIssue({ code: "custom", path: ["proposedValue"], message: "A removal proposes no new value." });
    return;
  }
  const parsed = valueSchemaFor(input.field).safeParse(input.proposedValue);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["proposedValue", ...issue.path.map(String)], message: issue.message });
  }
});

export type TSubmitCorrectionInput = z.infer<typeof ZSubmitCorrectionInputSchema>;

/** Form fields → input: a text area for text/task, one item per line for lists. */
export function proposedValueFromForm(field: (typeof CORRECTION_FIELDS)[number], raw: string | null): unknown {
  if (raw === null) return null;
  const shape = fieldShape(field);
  const lines = raw.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  // Related careers: a line may carry the occupation's title after its code ("15-1299.05 Information Security Engineers").
  if (field === "RELATED_CAREERS") return { items: lines.map((line) => onetSocCodeAtLineStart(line) ?? line) };
  if (shape === "list") return { items: lines };
  if (shape === "task") return { statement: raw };
  return { text: raw };
}
