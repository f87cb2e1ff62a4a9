import { z } from "zod";
import { NARRATIVE_LIMITS, NARRATIVE_PROMPTS, narrativeTextLength, type TNarrativePromptKey, ZNarrativeDocSchema, ZPromptAnswersSchema } from "@/lib/community/narrative-document";
import { ONET_SOC_CODE } from "@/lib/validation/onet-soc-code";
import { type StoredFormNotice, storedFormNotice } from "@/lib/validation/text";
import { IDEMPOTENCY_KEY } from "./submit-correction.types";

const ZYearsInRoleSchema = z
  .number({ error: "Say how many years you have worked in this role (0 if less than one)." })
  .int("Years in role must be a whole number.")
  .min(0, "Years in role cannot be negative.")
  .max(NARRATIVE_LIMITS.maxYearsInRole, `Years in role can be at most ${NARRATIVE_LIMITS.maxYearsInRole}.`);

/** A draft: anything the editor holds, checked for shape and size but not for completeness. */
export const ZSaveNarrativeDraftInputSchema = z.object({
  /** The draft to update; absent for the first save. */
  draftId: z.string().max(40).optional(),
  occupationCode: z.string().regex(ONET_SOC_CODE, "Unknown occupation."),
  doc: ZNarrativeDocSchema,
  yearsInRole: ZYearsInRoleSchema.nullable().optional(),
  promptAnswers: ZPromptAnswersSchema.optional(),
});

/** Sending a narrative to moderation: the draft plus the rules a published one must meet. */
export const ZSubmitNarrativeInputSchema = ZSaveNarrativeDraftInputSchema.extend({
  yearsInRole: ZYearsInRoleSchema,
  /** The editor instance's key (made when the page rendered it): a second send of it finds the first. */
  idempotencyKey: IDEMPOTENCY_KEY.optional(),
}).superRefine((input, ctx) => {
  if (narrativeTextLength(input.doc) < NARRATIVE_LIMITS.minTextToSubmit) {
    ctx.addIssue({ code: "custom", path: ["doc"], message: `Please write at least ${NARRATIVE_LIMITS.minTextToSubmit} characters about the work.` });
  }
});
export type TSubmitNarrativeInput = z.infer<typeof ZSubmitNarrativeInputSchema>;

/** The text pieces of a narrative document, in order (the raw input is walked only as deep as the schema allows). */
function textPieces(node: unknown, depth = 0, pieces: string[] = []): string[] {
  if (typeof node !== "object" || node === null || depth > NARRATIVE_LIMITS.maxDepth + 1) return pieces;
  const record = node as { text?: unknown; content?: unknown };
  if (typeof record.text === "string") pieces.push(record.text);
  if (Array.isArray(record.content)) for (const child of record.content) textPieces(child, depth + 1, pieces);
  return pieces;
}

/**
 * Which parts of a sent narrative were stored differently from how they were typed (the text
 * rules' own report): the pieces of the document that changed, and each prompt answer.
 */
export function narrativeStoredNotices(input: unknown, data: Pick<TSubmitNarrativeInput, "doc" | "promptAnswers">): StoredFormNotice[] {
  const raw = (typeof input === "object" && input !== null ? input : {}) as { doc?: unknown; promptAnswers?: Record<string, unknown> };
  const typed = textPieces(raw.doc);
  const stored = textPieces(data.doc);
  const notices: (StoredFormNotice | null)[] = [];
  // Pieces cleaned to nothing are refused by the schema, so typed and stored pieces pair up one to one.
  const changed = typed.map((piece, index) => ({ piece, notice: storedFormNotice("doc", "Your narrative", [piece], [stored[index] ?? ""], { multiline: false, keepEdges: true }) })).filter((entry) => entry.notice);
  if (changed.length > 0) {
    notices.push({ field: "doc", label: "Your narrative", stored: changed.map((entry) => entry.notice!.stored).join(" … "), changes: [...new Set(changed.flatMap((entry) => entry.notice!.changes))] });
  }
  for (const key of Object.keys(NARRATIVE_PROMPTS) as TNarrativePromptKey[]) {
    const answer = raw.promptAnswers?.[key];
    if (typeof answer === "string") notices.push(storedFormNotice(`prompt-${key}`, NARRATIVE_PROMPTS[key], [answer], [data.promptAnswers?.[key] ?? ""], { multiline: true }));
  }
  return notices.filter((notice): notice is StoredFormNotice => notice !== null);
}
