import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError, AppErrorCode } from "@/lib/errors";
import { findCurrentReleases } from "@/lib/releases/find-current-releases";
import { findRoleSuccessors } from "./find-role-successors";
import { SEARCH_SYNONYMS, type SearchSynonym } from "./search-synonyms";
import { ZRoleSearchResultSchema, ZSearchRolesInputSchema, type TRoleSearchResult, type TSearchRolesInput } from "./search-roles.types";

/** Edit variants are generated for words this long at most (an insertion variant per letter and gap). */
const EDIT_MAX_LENGTH = 16;

/**
 * Roles whose title, alternate or reported titles or tasks (current O*NET release) match
 * `query`, best first. Each query word is first resolved against the words of the search
 * terms (`SearchWord`, trigram index): a word being typed also stands for the stems of the
 * words it begins ("operato" → "oper", which the English stemmer would miss), a word no term
 * contains is replaced by its most similar words (typos). The resolved words form one
 * full-text query on the stored tsvector (every word required), tasks read only below 40
 * title hits. A term scores weight × (match quality + 1 if it is exactly the query, up to a
 * final plural s: "customer service representative" is the title "… Representatives"), with
 * weights title > alternate > reported > task, and less when it matched only through a
 * correction (0.9 through each typo's closest word, 0.75 through another similar one); a
 * role takes its best term, plus a little for each further matching term. A query that
 * finds nothing is retried once with every word treated as a possible typo. A typo one edit
 * away from a vocabulary word (a swapped, dropped, extra or wrong letter: "nruse",
 * "archtect") stands for those words only, since trigrams say little about short words. A query that is a
 * synonym (abbreviations, job-family names: lib/roles/search-synonyms.ts) lists its roles first
 * (score 1000 less their rank).
 * An occupation that left O*NET is found by its last release's titles (the index says which,
 * lib/datasets/onet/rebuild-role-search.ts), scores 0.9 of a current one and comes
 * back marked with the current release and its successors (`leftOnet`).
 */
export async function searchRoles(input: TSearchRolesInput, synonyms: readonly SearchSynonym[] = SEARCH_SYNONYMS): Promise<TRoleSearchResult[]> {
  const parsed = ZSearchRolesInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(AppErrorCode.INVALID_INPUT, parsed.error.issues[0]?.message, { query: parsed.error.issues.map((issue) => issue.message) });
  }
  const { query, limit } = parsed.data;
  const words = queryWords(query);
  if (words.length === 0) return [];
  // Each word's one-edit variants as one comma-separated text (ranks alike): arrays cannot be jagged.
  const edits = words.map((word) => editVariants(word));
  const search: SearchArguments = {
    text: query.toLowerCase(),
    words,
    variants: edits.map((list) => list.map((edit) => edit.variant).join(",")),
    ranks: edits.map((list) => list.map((edit) => edit.rank).join(",")),
    limit,
    synonyms: synonymArguments(synonyms),
  };
  const found = await findRoles(search, false);
  if (found.length > 0 || !words.some((word) => word.length >= 3)) return found;
  return findRoles(search, true);
}

/** What both passes of a search send to `search_roles`: worked out once per search. */
interface SearchArguments {
  text: string;
  words: string[];
  variants: string[];
  ranks: string[];
  limit: number;
  synonyms: { keys: string[]; terms: string[]; codes: string[] };
}

const synonymArgumentsByList = new WeakMap<readonly SearchSynonym[], SearchArguments["synonyms"]>();

/** The synonym list as `search_roles` takes it, compared word by word ("UX/UI designer" = "ux ui designer"), the first that fits; once per list. */
function synonymArguments(synonyms: readonly SearchSynonym[]): SearchArguments["synonyms"] {
  let prepared = synonymArgumentsByList.get(synonyms);
  if (!prepared) {
    prepared = {
      keys: synonyms.map((synonym) => queryWords(synonym.term).join(" ")),
      terms: synonyms.map((synonym) => synonym.term),
      codes: synonyms.map((synonym) => synonym.codes.join(",")),
    };
    synonymArgumentsByList.set(synonyms, prepared);
  }
  return prepared;
}

/**
 * The words one edit away from `word` (letters a–z), each with its rank: a swap of two
 * neighbours 0, a dropped letter 1, a wrong letter 2, an extra letter 3. None for words
 * under three letters (too many real words are one edit apart) or very long ones.
 */
export function editVariants(word: string): { variant: string; rank: number }[] {
  if (word.length < 3 || word.length > EDIT_MAX_LENGTH) return [];
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const variants = new Map<string, number>();
  const add = (variant: string, rank: number) => {
    if (variant !== word && !variants.has(variant)) variants.set(variant, rank);
  };
  for (let at = 0; at < word.length - 1; at++) add(word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2), 0);
  for (let at = 0; at <= word.length; at++) {
    for (const letter of letters) add(word.slice(0, at) + letter + word.slice(at), 1);
  }
  for (let at = 0; at < word.length; at++) {
    for (const letter of letters) add(word.slice(0, at) + letter + word.slice(at + 1), 2);
  }
  for (let at = 0; at < word.length; at++) add(word.slice(0, at) + word.slice(at + 1), 3);
  return [...variants].map(([variant, rank]) => ({ variant, rank }));
}

/**
 * One call (one round trip) of the `search_roles` function (its SQL is in the migration that
 * last replaced it, now 20261206010000_search_exact_title_plural: change it with a new migration
 * that replaces it), whose plan PostgreSQL keeps for the session: parsing and planning the
 * statement for every search took as long as running it. Each word is resolved against the
 * vocabulary (`SearchWord`): its own English stem (a prefix from three letters on, or as the
 * last of several words: "public r" is being typed); the stems of the vocabulary words it
 * begins whose stem does not start with its own ("operato" → "oper"; all of them for a lone
 * stop word: "who" while typing "wholesale"); and, for a word no vocabulary word begins with
 * (or every word when `allTypos`), the stems of the most similar words: those one edit away
 * (primary-key lookups of `editVariants`, closest first), else trigram neighbours (`%` with
 * the connection's threshold, lib/db/prisma.ts; fewest edits first), 8 at most. The resolved words form
 * three full-text queries for the 'simple' configuration (the lexemes are stems already),
 * every word required and stop words left out, as the English configuration does: `exact` as
 * typed (none when a word is known only through its alternatives), `closest` also through the
 * stems the stemmer cut shorter and each typo's closest word, `expanded` through any similar
 * word. The query as meant (each typo replaced by its closest word one edit away:
 * "machanic" → "mechanic") counts as exact too, and names the synonym when the typed words do not.
 */
async function findRoles({ text, words, variants, ranks, limit, synonyms }: SearchArguments, allTypos: boolean): Promise<TRoleSearchResult[]> {
  const rows = await prisma.$queryRaw<RawResult[]>`
    SELECT * FROM "search_roles"(${words}::text[], ${variants}::text[], ${ranks}::text[], ${allTypos}, ${text}, ${limit}, ${synonyms.keys}::text[], ${synonyms.terms}::text[], ${synonyms.codes}::text[])`;
  return markLeftRoles(rows);
}

/** Each role that left O*NET marked with the current release and its successors (the role page's helpers); none read when all are current. */
async function markLeftRoles(rows: RawResult[]): Promise<TRoleSearchResult[]> {
  const left = rows.filter((row) => !row.inCurrentRelease);
  const [releases, successors] = left.length === 0 ? [null, []] : await Promise.all([findCurrentReleases(), Promise.all(left.map((row) => findRoleSuccessors(row.code)))]);
  const version = releases?.get("onet")?.version;
  const successorsByCode = new Map(left.map((row, index) => [row.code, successors[index] ?? []]));
  return rows.map(({ inCurrentRelease, ...row }) =>
    ZRoleSearchResultSchema.parse({ ...row, leftOnet: inCurrentRelease || version === undefined ? null : { version, successors: successorsByCode.get(row.code) ?? [] } }),
  );
}

interface RawResult {
  code: string;
  slug: string;
  title: string;
  matchedKind: string;
  matchedText: string | null;
  medianAnnualWage: number | null;
  wageGroupCode: string | null;
  score: number;
  inCurrentRelease: boolean;
}

/** Letters and digits only (so no input can form tsquery operators), lower-cased, at most 8 words. */
export function queryWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}
