import { z } from "zod";

/** Longest query accepted (characters, after trimming). */
const SEARCH_QUERY_MAX = 100;

/** A search query: trimmed, 1–100 characters. Shared by the search page and the suggest route. */
export const ZSearchQuerySchema = z
  .string({ error: (issue) => (Array.isArray(issue.input) ? "Search for one thing at a time: the address has more than one query." : "Type what you are looking for.") })
  .trim()
  .min(1, "Type what you are looking for.")
  .max(SEARCH_QUERY_MAX, `Keep the search under ${SEARCH_QUERY_MAX} characters.`);

export const ZSearchRolesInputSchema = z.object({
  query: ZSearchQuerySchema,
  /** How many roles to return (the suggest box asks for few). */
  limit: z.number().int().min(1).max(50).default(20),
});

export type TSearchRolesInput = z.input<typeof ZSearchRolesInputSchema>;

export const ZSearchTermKindSchema = z.enum(["TITLE", "ALTERNATE", "REPORTED", "TASK"]);

export const ZRoleSearchResultSchema = z.object({
  code: z.string(),
  slug: z.string(),
  title: z.string(),
  /** What matched best: the title itself, an alternate or reported title, or a task. */
  matchedKind: ZSearchTermKindSchema,
  /** The matching text when it is not the title (e.g. the alternate title "Cybersecurity Engineer"). */
  matchedText: z.string().nullable(),
  /** OEWS national annual median: the role's SOC code, else its smallest published SOC group; null when none. */
  medianAnnualWage: z.number().nullable(),
  /** The SOC group the median stands for, when it is a group's figure (null for the role's own code). */
  wageGroupCode: z.string().nullable(),
  score: z.number(),
  /** Set when the role left O*NET: the current release that no longer lists it, and the successors O*NET's crosswalk names (by title). */
  leftOnet: z
    .object({
      version: z.string(),
      successors: z.array(z.object({ code: z.string(), slug: z.string(), title: z.string() })),
    })
    .nullable(),
});

export type TRoleSearchResult = z.infer<typeof ZRoleSearchResultSchema>;

export type TLeftOnet = NonNullable<TRoleSearchResult["leftOnet"]>;
