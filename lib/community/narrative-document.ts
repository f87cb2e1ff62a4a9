import { z } from "zod";
import { BROKEN_CHARACTER_MESSAGE, cleanInlineText, hasLoneSurrogate, multiLineText, typedText } from "@/lib/validation/text";
import { ALLOWED_HREF, linkRefusal } from "./narrative-links";
import type { TNarrativePromptKey } from "./narrative-prompts";

/**
 * The narrative editor's document (tiptap/ProseMirror JSON), checked against the shape of
 * the editor's own schema (lib/community/narrative-extensions.ts): only the nodes, marks
 * and attributes the editor can produce pass. Universal: the editor and the server share it.
 */
export const NARRATIVE_LIMITS = {
  /** Characters of text in the whole document. */
  maxText: 20_000,
  minTextToSubmit: 200,
  maxNodes: 3_000,
  maxDepth: 10,
  maxHref: 2_000,
  promptAnswer: 2_000,
  maxYearsInRole: 70,
} as const;

const ZLinkMarkSchema = z
  .object({
    type: z.literal("link"),
    attrs: z
      .object({
        href: z.string().max(NARRATIVE_LIMITS.maxHref).regex(ALLOWED_HREF, { error: (issue) => linkRefusal(String(issue.input)) }),
        target: z.string().max(20).nullable().optional(),
        rel: z.string().max(60).nullable().optional(),
        class: z.null().optional(),
        title: z.string().max(200).nullable().optional(),
      })
      .strict(),
  })
  .strict();

const ZMarkSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bold") }).strict(),
  z.object({ type: z.literal("italic") }).strict(),
  ZLinkMarkSchema,
]);

const ZTextNodeSchema = z
  .object({
    type: z.literal("text"),
    text: typedText().transform(cleanInlineText).pipe(z.string().min(1, "The narrative holds an empty piece of text.").max(NARRATIVE_LIMITS.maxText)),
    marks: z.array(ZMarkSchema).max(3).optional(),
  })
  .strict();
const ZHardBreakSchema = z.object({ type: z.literal("hardBreak"), marks: z.array(ZMarkSchema).max(3).optional() }).strict();
const ZInlineSchema = z.discriminatedUnion("type", [ZTextNodeSchema, ZHardBreakSchema]);

const ZParagraphSchema = z
  .object({ type: z.literal("paragraph"), attrs: z.object({}).strict().optional(), content: z.array(ZInlineSchema).optional() })
  .strict();
const ZHeadingSchema = z
  .object({ type: z.literal("heading"), attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }).strict(), content: z.array(ZInlineSchema).optional() })
  .strict();

export type TNarrativeBlock =
  | z.infer<typeof ZParagraphSchema>
  | z.infer<typeof ZHeadingSchema>
  | { type: "blockquote"; content: TNarrativeBlock[] }
  | { type: "bulletList"; content: TListItem[] }
  | { type: "orderedList"; attrs?: { start?: number; type?: string | null }; content: TListItem[] };
type TListItem = { type: "listItem"; content: TNarrativeBlock[] };

const ZListItemSchema: z.ZodType<TListItem> = z.lazy(() =>
  z.object({ type: z.literal("listItem"), content: z.array(ZBlockSchema).min(1) }).strict(),
);

const ZBlockSchema: z.ZodType<TNarrativeBlock> = z.lazy(() =>
  z.union([
    ZParagraphSchema,
    ZHeadingSchema,
    z.object({ type: z.literal("blockquote"), content: z.array(ZBlockSchema).min(1) }).strict(),
    z.object({ type: z.literal("bulletList"), content: z.array(ZListItemSchema).min(1) }).strict(),
    z
      .object({
        type: z.literal("orderedList"),
        attrs: z.object({ start: z.number().int().min(1).max(10_000).optional(), type: z.string().max(4).nullable().optional() }).strict().optional(),
        content: z.array(ZListItemSchema).min(1),
      })
      .strict(),
  ], { error: "The narrative contains formatting the editor does not offer." }),
);

/** Counts nodes, depth and text before the schema walks the tree, so huge input is refused cheaply. */
function sizeOf(node: unknown, depth = 0, acc = { nodes: 0, depth: 0, text: 0 }) {
  if (typeof node !== "object" || node === null || acc.nodes > NARRATIVE_LIMITS.maxNodes || depth > NARRATIVE_LIMITS.maxDepth + 1) return acc;
  acc.nodes += 1;
  acc.depth = Math.max(acc.depth, depth);
  const record = node as { text?: unknown; content?: unknown };
  if (typeof record.text === "string") acc.text += record.text.length;
  if (Array.isArray(record.content)) for (const child of record.content) sizeOf(child, depth + 1, acc);
  return acc;
}

/** True when any string in the (size-checked) document, key or value, holds half of a surrogate pair. */
function holdsBrokenText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return hasLoneSurrogate(value);
  if (typeof value !== "object" || value === null || depth > 4 * NARRATIVE_LIMITS.maxDepth) return false;
  return Object.entries(value).some(([key, child]) => hasLoneSurrogate(key) || holdsBrokenText(child, depth + 1));
}

/**
 * Size, depth and length are checked on the raw input before the schema walks the tree: a
 * document nested thousands deep would otherwise overflow the stack of the recursive schema.
 * Broken characters anywhere (links and attributes too) are refused: PostgreSQL's JSON cannot hold them.
 */
export const ZNarrativeDocSchema = z
  .unknown()
  .superRefine((doc, ctx) => {
    const size = sizeOf(doc);
    if (size.nodes > NARRATIVE_LIMITS.maxNodes) ctx.addIssue({ code: "custom", message: "The narrative has too many paragraphs and list items." });
    if (size.depth > NARRATIVE_LIMITS.maxDepth) ctx.addIssue({ code: "custom", message: "The narrative nests lists or quotes too deeply." });
    if (size.text > NARRATIVE_LIMITS.maxText) ctx.addIssue({ code: "custom", message: `The narrative can be at most ${NARRATIVE_LIMITS.maxText.toLocaleString("en-US")} characters.` });
    if (size.nodes <= NARRATIVE_LIMITS.maxNodes && size.depth <= NARRATIVE_LIMITS.maxDepth && holdsBrokenText(doc)) ctx.addIssue({ code: "custom", message: BROKEN_CHARACTER_MESSAGE });
  })
  .pipe(z.object({ type: z.literal("doc"), content: z.array(ZBlockSchema).min(1) }).strict());

export type TNarrativeDoc = z.infer<typeof ZNarrativeDocSchema>;

/**
 * The document's visible text length (what the minimum to submit counts): zero-width
 * characters are not counted and each run of white space counts once, so a narrative of
 * spaces and invisible characters is not long enough.
 */
export function narrativeTextLength(doc: unknown): number {
  const pieces: string[] = [];
  const collect = (node: unknown, depth: number) => {
    if (typeof node !== "object" || node === null || depth > NARRATIVE_LIMITS.maxDepth + 1) return;
    const record = node as { text?: unknown; content?: unknown };
    if (typeof record.text === "string") pieces.push(record.text);
    if (Array.isArray(record.content)) for (const child of record.content) collect(child, depth + 1);
  };
  collect(doc, 0);
  return pieces.join("").replace(/[\u200B-\u200D\u2060\uFEFF]/g, "").replace(/\s+/g, " ").trim().length;
}

export { NARRATIVE_PROMPTS, type TNarrativePromptKey } from "./narrative-prompts";

const answer = multiLineText().pipe(z.string().max(NARRATIVE_LIMITS.promptAnswer, `Each answer can be at most ${NARRATIVE_LIMITS.promptAnswer} characters.`));

export const ZPromptAnswersSchema = z
  .object({ typicalWeek: answer.optional(), surprised: answer.optional(), advice: answer.optional(), toolsAndAi: answer.optional() })
  .strict()
  .transform((answers) => Object.fromEntries(Object.entries(answers).filter(([, text]) => text && text.length > 0)) as Partial<Record<TNarrativePromptKey, string>>);

export type TPromptAnswers = z.infer<typeof ZPromptAnswersSchema>;
