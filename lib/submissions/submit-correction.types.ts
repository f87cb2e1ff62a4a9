import { z } from "zod";
import { allowedOperations, CORRECTION_FIELDS, fieldShape, ITEM_KEY_MAX, LIMITS, proposedValueSchemaFor } from "@/lib/community/fields";
import { listItemFromText } from "@/lib/community/list-items";
import { ONET_SOC_CODE } from "@/lib/validation/onet-soc-code";
import { ZFormTextSchema } from "@/lib/validation/form-field";
import { webLinkText } from "@/lib/validation/web-link";
import { multiLineText } from "@/lib/validation/text";

/** A form instance's idempotency key: a random id the page made when it rendered the form. */
export const IDEMPOTENCY_KEY = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "This form is out of date: reload the page and send it again.");

export const ZCorrectionDetailsSchema = z.object({
  /** Why the page should change: required, so moderators can judge it. */
  rationale: multiLineText().pipe(
    z
      .string()
      .min(LIMITS.rationale.min, `Please explain the change in at least ${LIMITS.rationale.min} characters.`)
      .max(LIMITS.rationale.max, `The explanation can be at most ${LIMITS.rationale.max} characters.`),
  ),
  /**
   * Optional link to where the information can be checked (http or https). Spaces at the ends
   * are trimmed (and the author told); spaces or control characters (NUL) inside are refused.
   */
  sourceUrl: webLinkText({ max: LIMITS.sourceUrl, link: "The source link", address: "The source" }).optional(),
  /** The form instance's key (made when the form rendered): a second send of the same form finds the first. */
  idempotencyKey: IDEMPOTENCY_KEY.optional(),
  /** The page's latest revision number when the author loaded the form (0 = none yet). */
  baseRevisionNumber: z.number().int().min(0),
  /** The proposed value; its shape depends on the field (null to remove a task). */
  proposedValue: z.unknown(),
});

export const ZSubmitCorrectionInputSchema = ZCorrectionDetailsSchema.extend({
  occupationCode: z.string().regex(ONET_SOC_CODE, "Unknown occupation."),
  field: z.enum(CORRECTION_FIELDS),
  operation: z.enum(["ADD", "CHANGE", "REMOVE"]),
  /** For a task or list item that exists ("onet:<taskId>", "onet:<item>" or "new:<id>"); absent for whole texts and additions. */
  itemKey: z.string().max(ITEM_KEY_MAX).optional(),
}).superRefine((input, ctx) => {
  if (!allowedOperations(input.field).includes(input.operation)) {
    ctx.addIssue({ code: "custom", path: ["operation"], message: "Only tasks and list items can be added or removed one by one; texts are changed as a whole." });
  }
  if (fieldShape(input.field) !== "text" && input.operation !== "ADD" && !input.itemKey) {
    ctx.addIssue({ code: "custom", path: ["itemKey"], message: input.field === "TASK" ? "Choose the task to change or remove." : "Choose the item to reword or remove." });
  }
  if (input.operation === "REMOVE") {
    if (input.proposedValue !== null && input.proposedValue !== undefined) ctx.addIssue({ code: "custom", path: ["proposedValue"], message: "A removal proposes no new value." });
    return;
  }
  const parsed = proposedValueSchemaFor(input.field, input.operation === "ADD" ? undefined : input.itemKey).safeParse(input.proposedValue);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["proposedValue", ...issue.path.map(String)], message: issue.message });
  }
});

export type TSubmitCorrectionInput = z.infer<typeof ZSubmitCorrectionInputSchema>;

/** Form fields → input: a text area for text/task, one line for a list item. */
export function proposedValueFromForm(field: (typeof CORRECTION_FIELDS)[number], raw: string | null): unknown {
  if (raw === null) return null;
  const shape = fieldShape(field);
  if (shape === "list") return { item: listItemFromText(field, raw) };
  if (shape === "task") return { statement: raw };
  return { text: raw };
}


/** A form's field name: one of the page's fields, never a default for an unknown one. */
const ZFormCorrectionFieldSchema = z.enum(CORRECTION_FIELDS, { error: "Unknown field: choose one of the page's fields to correct." });

/** The fields the correction form and the resubmission form share, as FormData sends them. */
const correctionFormFields = {
  field: ZFormCorrectionFieldSchema,
  operation: ZFormTextSchema,
  proposedValue: z.string().optional(),
  rationale: ZFormTextSchema,
  sourceUrl: ZFormTextSchema,
  baseRevisionNumber: z.string().optional(),
};

/** The form's text → the details the use cases parse (a removal proposes no value). */
function correctionDetailsFromForm(form: z.output<z.ZodObject<typeof correctionFormFields>>) {
  const operation = form.operation ?? "CHANGE";
  return {
    operation,
    proposedValue: operation === "REMOVE" ? null : proposedValueFromForm(form.field, form.proposedValue ?? ""),
    rationale: form.rationale ?? "",
    sourceUrl: form.sourceUrl,
    baseRevisionNumber: Number(form.baseRevisionNumber ?? 0),
  };
}

/** The correction form (components/editor/correction-form.tsx) → submitCorrection's input. */
export const ZCorrectionFormSchema = z
  .object({ ...correctionFormFields, occupationCode: ZFormTextSchema, itemKey: ZFormTextSchema, idempotencyKey: ZFormTextSchema })
  .transform((form) => ({
    ...correctionDetailsFromForm(form),
    occupationCode: form.occupationCode,
    field: form.field,
    itemKey: form.itemKey,
    idempotencyKey: form.idempotencyKey,
  }));

/** The resubmission of a correction (its field decides how the text is read) → resubmitSubmission's input. */
export const ZResubmitCorrectionFormSchema = z
  .object({ ...correctionFormFields, submissionId: ZFormTextSchema })
  .transform(({ submissionId, ...form }) => {
    const { operation: _operation, ...details } = correctionDetailsFromForm(form);
    return { submissionId, ...details };
  });
