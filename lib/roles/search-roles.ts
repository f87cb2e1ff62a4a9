import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import { AppError, AppErrorCode } from "@/lib/errors";
import { findCurrentReleases } from "@/lib/releases/find-current-releases";
import { findRoleSuccessors } from "./find-role-successors";
import { SEARCH_SYNONYMS, type SearchSynonym } from "./search-synonyms";
import { ZRoleSearchResultSchema, ZSearchRolesInputSchema, type TRoleSearchResult, type TSearchRolesInput } from "./search-roles.types";

/** Title hits of full-text search below which tasks are searched too. */
const FEW_HITS = 40;

/** How many similar words stand in for a word that no term contains (a typo). */
const TYPO_CANDIDATES = 8;

/** Edit variants are generated for words this long at most (an insertion variant per letter and gap). */
const EDIT_MAX_LENGTH = 16;

/** Score of a role a synonym names (lib/roles/search-synonyms.ts): above any term's, less for each later code. */
const SYNONYM_SCORE = 1000;

/** Score factors of a term found through the closest word of each typo, or only through another similar word. */
const CLOSEST = 0.9;
const CORRECTED = 0.75;

/** Score factor of an occupation that left O*NET (terms of its last release): below a current one of equal match. */
const LEFT_RELEASE = 0.9;

/**
 * Roles whose title, alternate or reported titles or tasks (current O*NET release) match
 * `query`, best first. Each query word is first resolved against the words of the search
 * terms (`SearchWord`, trigram index): a word being typed also stands for the stems of the
 * words it begins ("operato" → "oper", which the English stemmer would miss), a word no term
 * contains is replaced by its most similar words (typos). The resolved words form one
 * full-text query on the stored tsvector (every word required). A term scores
 * weight × (match quality + 1 if it is exactly the query), with weights title > alternate >
 * reported > task, and less when it matched only through a correction; a role takes its
 * best term, plus a little for each further matching term. A query that finds nothing is
 * retried once with every word treated as a possible typo. A typo one edit away from a
 * vocabulary word (a swapped, dropped, extra or wrong letter: "nruse", "archtect") stands
 * for those words only, since trigrams say little about short words. A query that is a
 * synonym (abbreviations, job-family names: lib/roles/search-synonyms.ts) lists its roles first.
 * An occupation that left O*NET is found by its last release's titles (the index says which,
 * lib/datasets/onet/rebuild-role-search.ts), scores LEFT_RELEASE of a current one and comes
 * back marked with the current release and its successors (`leftOnet`).
 */
export async function searchRoles(input: TSearchRolesInput, synonyms: readonly SearchSynonym[] = SEARCH_SYNONYMS): Promise<TRoleSearchResult[]> {
  const parsed = ZSearchRolesInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(AppErrorCode.INVALID_INPUT, parsed.error.issues[0]?.message, { query: parsed.error.issues.map((issue) => issue.message) });
  }
  const { query, limit } = parsed.data;
  const text = query.toLowerCase();
  const words = queryWords(text);
  if (words.length === 0) return [];
  const resolved = await resolveWords(words, false);
  // The query as meant: each typo replaced by the word one edit away ("machanic" → "mechanic").
  const spelledWords = words.map((word, index) => resolved[index]?.corrected ?? word);
  const spelled = { text: spelledWords.join(" "), synonym: findSynonym(synonyms, words) ?? findSynonym(synonyms, spelledWords) };
  const found = await findRoles(text, resolved, limit, spelled);
  if (found.length > 0 || !words.some((word) => word.length >= 3)) return found;
  return findRoles(text, await resolveWords(words, true), limit, spelled);
}

export interface ResolvedWord {
  /** The word's own English stem, a prefix when `prefix`; null for a stop word. */
  stem: string | null;
  prefix: boolean;
  /** Stems of the vocabulary words it begins that the stemmer cut shorter ("operato" → "oper"). */
  prefixStems: string[];
  /** Stems of the most similar words when no word begins with it (a typo), closest first: those one edit away, else trigram neighbours. */
  typoStems: string[];
  /** For a typo, the closest vocabulary word one edit away. */
  corrected?: string;
}

/**
 * One statement: each word's stem, the stems of the vocabulary words it begins whose stem
 * does not start with its own (all of them for a lone stop word: "who" while typing
 * "wholesale"), and, for a word no vocabulary word begins with (or every word when
 * `allTypos`), the stems of the most similar words (trigram `%` with the connection's
 * threshold, lib/db/prisma.ts; fewest edits first).
 */
async function resolveWords(words: string[], allTypos: boolean): Promise<ResolvedWord[]> {
  // Each word's one-edit variants as one comma-separated text (ranks alike): arrays cannot be jagged.
  const edits = words.map((word) => editVariants(word));
  const variants = edits.map((list) => list.map((edit) => edit.variant).join(","));
  const ranks = edits.map((list) => list.map((edit) => edit.rank).join(","));
  const rows = await prisma.$queryRaw<{ stem: string | null; prefixStems: string[]; editStems: string[] | null; corrected: string | null; typoStems: string[] }[]>(Prisma.sql`
    SELECT q."stem",
           ARRAY(
             SELECT DISTINCT s."stem" FROM "SearchWord" s
              WHERE length(q."word") >= 3 AND (q."stem" IS NOT NULL OR ${words.length === 1}) AND s."word" LIKE q."word" || '%'
                AND (q."stem" IS NULL OR left(s."stem", length(q."stem")) <> q."stem")
           ) AS "prefixStems",
           ed."stems" AS "editStems", ed."words"[1] AS "corrected",
           ARRAY(
             SELECT s."stem" FROM "SearchWord" s
              WHERE t."typo" AND ed."stems" IS NULL AND s."word" % q."word"
              ORDER BY levenshtein(s."word", q."word"), similarity(s."word", q."word") DESC, s."word"
              LIMIT ${TYPO_CANDIDATES}
           ) AS "typoStems"
      FROM (SELECT "word", (ts_lexize('english_stem', "word"))[1] AS "stem", "position",
                   string_to_array("variants", ',') AS "variants", string_to_array("ranks", ',')::int[] AS "ranks"
              FROM unnest(${words}::text[], ${variants}::text[], ${ranks}::text[]) WITH ORDINALITY AS u("word", "variants", "ranks", "position")) q
      -- count(*), not NOT EXISTS: the planner would read the whole table for the first row.
      CROSS JOIN LATERAL (
        SELECT length(q."word") >= 3 AND q."stem" IS NOT NULL
               AND (${allTypos} OR (SELECT count(*) FROM "SearchWord" p WHERE p."word" LIKE q."word" || '%') = 0) AS "typo"
      ) t
      -- Primary-key lookups of the one-edit variants of a typo, swaps first.
      CROSS JOIN LATERAL (
        SELECT array_agg(e."stem" ORDER BY e."order") AS "stems", array_agg(e."word" ORDER BY e."order") AS "words"
          FROM (SELECT s."stem", s."word", row_number() OVER (ORDER BY q."ranks"[array_position(q."variants", s."word")], similarity(s."word", q."word") DESC, s."word") AS "order"
                  FROM "SearchWord" s
                 WHERE t."typo" AND s."word" = ANY(q."variants")
                 ORDER BY "order"
                 LIMIT ${TYPO_CANDIDATES}) e
      ) ed
     ORDER BY q."position"`);
  // A short last word is being typed ("public r"): a prefix too, as long as another word narrows it.
  const prefix = (index: number) => (words[index]?.length ?? 0) >= 3 || (index === words.length - 1 && words.length > 1);
  const resolved = rows.map((row, index) => ({
    stem: row.stem,
    prefix: prefix(index),
    prefixStems: row.prefixStems,
    typoStems: row.editStems === null ? row.typoStems : [...new Set(row.editStems)],
    ...(row.corrected === null ? {} : { corrected: row.corrected }),
  }));
  if (!allTypos) return resolved;
  // Second pass: a word that resembles nothing ("oWrd") is dropped rather than failing the rest.
  const known = resolved.filter((word) => word.prefixStems.length + word.typoStems.length > 0);
  return known.length > 0 ? known : resolved;
}

/** The synonym the whole query is, compared word by word ("UX/UI designer" = "ux ui designer"). */
export function findSynonym(synonyms: readonly SearchSynonym[], words: string[]): SearchSynonym | null {
  const key = words.join(" ");
  return synonyms.find((synonym) => queryWords(synonym.term).join(" ") === key) ?? null;
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

/** The query with its typos corrected, and the synonym it (or its corrected form) is. */
interface SpelledQuery {
  text: string;
  synonym: SearchSynonym | null;
}

async function findRoles(text: string, words: ResolvedWord[], limit: number, { text: spelledText, synonym }: SpelledQuery): Promise<TRoleSearchResult[]> {
  const { exact, closest, expanded } = toTsQueries(words);
  // Stop words only ("it"): nothing to search, and no synonym is made of stop words alone.
  if (expanded === "") return [];
  const synonymCodes = synonym?.codes ?? [];
  // How much of the term the query covers (1 for the whole term): "Nurse" beats "Nurse Practitioners" for "nurse".
  const closeness = Prisma.sql`least(1.0, ${text.length}::float8 / greatest(length("text"), 1))`;
  const isExact = Prisma.sql`CASE WHEN lower("text") IN (${text}, ${spelledText}) THEN 1 ELSE 0 END`;
  // As typed > through each typo's closest word > through any similar word.
  const spelled = Prisma.sql`CASE WHEN ${exact} <> '' AND "document" @@ to_tsquery('simple'::regconfig, ${exact}) THEN 1.0
    WHEN "document" @@ to_tsquery('simple'::regconfig, ${closest}) THEN ${CLOSEST}::float8 ELSE ${CORRECTED}::float8 END`;
  const rows = await prisma.$queryRaw<RawResult[]>(Prisma.sql`
      WITH fts AS (
        SELECT "occupationCode", "kind", "text", "weight", "document", "inCurrentRelease"
          FROM "RoleSearchTerm"
         WHERE "document" @@ to_tsquery('simple'::regconfig, ${expanded}) AND "kind" <> 'TASK'
      ), fts_tasks AS (
        -- Tasks weigh least: read only when the titles give little (one-time filter).
        SELECT "occupationCode", "kind", "text", "weight", "document", "inCurrentRelease"
          FROM "RoleSearchTerm"
         WHERE (SELECT count(*) FROM fts) < ${FEW_HITS}
           AND "document" @@ to_tsquery('simple'::regconfig, ${expanded}) AND "kind" = 'TASK'
      ), terms AS (
        SELECT "occupationCode", "kind", "text", "weight" * (0.75 + 0.5 * ${closeness} + ${isExact}) * ${spelled} AS score, "inCurrentRelease" FROM fts
        UNION ALL
        SELECT "occupationCode", "kind", "text", "weight" * (0.75 + 0.5 * ${closeness}) * ${spelled} AS score, "inCurrentRelease" FROM fts_tasks
        UNION ALL
        SELECT c."code", 'ALTERNATE'::"SearchTermKind", ${synonym?.term ?? ""}, ${SYNONYM_SCORE}::float8 - c."rank",
               COALESCE((SELECT bool_and(t."inCurrentRelease") FROM "RoleSearchTerm" t WHERE t."occupationCode" = c."code" AND t."kind" = 'TITLE'), true)
          FROM unnest(${synonymCodes}::text[]) WITH ORDINALITY AS c("code", "rank")
      ), roles AS (
        -- A role's terms are all current or all of a release it left: the whole role scores LEFT_RELEASE then.
        SELECT DISTINCT ON ("occupationCode") "occupationCode", "kind", "text",
               (score + 0.05 * ln(count(*) OVER role)) * CASE WHEN bool_and("inCurrentRelease") OVER role THEN 1.0 ELSE ${LEFT_RELEASE}::float8 END AS score,
               bool_and("inCurrentRelease") OVER role AS "inCurrentRelease"
          FROM terms
        WINDOW role AS (PARTITION BY "occupationCode")
         ORDER BY "occupationCode", score DESC, "kind", "text"
      ), oews AS (
        SELECT "id" FROM "DatasetRelease" WHERE "dataset" = 'oews' ORDER BY "releasedOn" DESC, "id" DESC LIMIT 1
      ), top AS (
        SELECT * FROM roles ORDER BY score DESC, "occupationCode" LIMIT ${limit}
      )
      SELECT o."code", o."slug", o."title", r."kind"::text AS "matchedKind",
             CASE WHEN r."kind" = 'TITLE' THEN NULL ELSE r."text" END AS "matchedText",
             pay."annualMedian" AS "medianAnnualWage",
             CASE WHEN pay."socCode" <> o."socCode" THEN pay."socCode" END AS "wageGroupCode",
             r.score::float8 AS "score", r."inCurrentRelease"
        FROM top r
        JOIN "Occupation" o ON o."code" = r."occupationCode"
        -- OEWS national median: the role's own SOC code, else its smallest published group
        -- (broad, minor, major), the rule of lib/roles/soc-groups.ts the role page uses.
        -- Only for the roles returned, each by primary-key lookups (the inner LIMIT keeps the
        -- planner from joining the release's whole national table instead, as it does without statistics).
        LEFT JOIN LATERAL (
          SELECT w."annualMedian", w."socCode"
            FROM unnest(ARRAY[o."socCode", left(o."socCode", 6) || '0', left(o."socCode", 5) || '00', left(o."socCode", 4) || '000', left(o."socCode", 3) || '0000'])
                   WITH ORDINALITY AS g("socCode", "rank")
            CROSS JOIN LATERAL (
              SELECT w."annualMedian", w."socCode", w."groupLevel" FROM "Wage" w
               WHERE w."releaseId" = (SELECT "id" FROM oews) AND w."areaCode" = '99' AND w."socCode" = g."socCode"
               LIMIT 1
            ) w
           WHERE g."rank" = 1 OR w."groupLevel" NOT IN ('detailed', 'total')
           ORDER BY g."rank"
           LIMIT 1
        ) pay ON true
       ORDER BY r.score DESC, o."title"
       LIMIT ${limit}`);
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

/**
 * Full-text queries (for the 'simple' configuration: the lexemes are stems already) from the
 * resolved words, every word required: `exact` as typed (each stem a prefix from three
 * letters on, so suggestions work while typing; "ch:*" would match half the table),
 * `closest` also through the stems the stemmer cut shorter and each typo's closest word,
 * `expanded` through any similar word. Stop words are left out, as the English
 * configuration does. `exact` is empty when a word is known only through its alternatives.
 */
export function toTsQueries(words: ResolvedWord[]): { exact: string; closest: string; expanded: string } {
  const exact: string[] = [];
  const closest: string[] = [];
  const expanded: string[] = [];
  const anyOf = (lexemes: string[]) => {
    const unique = [...new Set(lexemes)];
    return unique.length === 1 ? unique[0]! : `(${unique.join(" | ")})`;
  };
  for (const { stem, prefix, prefixStems, typoStems } of words) {
    const own = stem === null ? [] : [prefix ? `${stem}:*` : stem];
    const begun = prefixStems.map((lexeme) => `${lexeme}:*`);
    const similar = typoStems.map((lexeme) => `${lexeme}:*`);
    if (own.length + begun.length + similar.length === 0) continue;
    exact.push(...own);
    closest.push(anyOf([...own, ...begun, ...similar.slice(0, 1)]));
    expanded.push(anyOf([...own, ...begun, ...similar]));
  }
  const complete = exact.length === expanded.length;
  return { exact: complete ? exact.join(" & ") : "", closest: closest.join(" & "), expanded: expanded.join(" & ") };
}
