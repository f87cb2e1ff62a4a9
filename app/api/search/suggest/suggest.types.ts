import { z } from "zod";
import { ZRoleSearchResultSchema, ZSearchQuerySchema, ZSearchTermKindSchema } from "@/lib/roles/search-roles.types";

export const SUGGESTION_LIMIT = 8;

/** `?q=`: one query (a repeated `q` is refused). */
export const ZSuggestQuerySchema = z.object({ q: ZSearchQuerySchema.meta({ description: "What to look for: 1 to 100 characters of a title or task.", example: "cyber" }) });

export const ZSuggestionSchema = z.object({
  code: z.string(),
  slug: z.string(),
  title: z.string(),
  matchedKind: ZSearchTermKindSchema,
  /** The alternate or reported title (or task) that matched, when not the title itself. */
  matchedText: z.string().nullable(),
  /** Set when the occupation left O*NET: the current release that no longer lists it ("No longer in O*NET 30.1") and its successors. */
  leftOnet: ZRoleSearchResultSchema.shape.leftOnet,
});

export const ZSuggestResponseSchema = z.object({
  query: z.string(),
  suggestions: z.array(ZSuggestionSchema).max(SUGGESTION_LIMIT),
}).meta({ id: "Suggestions" });

export type TSuggestion = z.infer<typeof ZSuggestionSchema>;
export type TSuggestResponse = z.infer<typeof ZSuggestResponseSchema>;
