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
  const words = queryWords(query);
  if (words.length === 0) return [];
  const found = await findRoles(query.toLowerCase(), words, false, limit, synonyms);
  if (found.length > 0 || !words.some((word) => word.length >= 3)) return found;
  return findRoles(query.toLowerCase(), words, true, limit, synonyms);
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
 * One statement (one round trip) for the whole search. Each word is resolved against the
 * vocabulary (`SearchWord`): its own English stem (a prefix from three letters on, or as the
 * last of several words: "public r" is being typed); the stems of the vocabulary words it
 * begins whose stem does not start with its own ("operato" → "oper"; all of them for a lone
 * stop word: "who" while typing "wholesale"); and, for a word no vocabulary word begins with
 * (or every word when `allTypos`), the stems of the most similar words: those one edit away
 * (primary-key lookups of `editVariants`, closest first), else trigram neighbours (`%` with
 * the connection's threshold, lib/db/prisma.ts; fewest edits first). The resolved words form
 * three full-text queries for the 'simple' configuration (the lexemes are stems already),
 * every word required and stop words left out, as the English configuration does: `exact` as
 * typed (none when a word is known only through its alternatives), `closest` also through the
 * stems the stemmer cut shorter and each typo's closest word, `expanded` through any similar
 * word. The query as meant (each typo replaced by its closest word one edit away:
 * "machanic" → "mechanic") counts as exact too, and names the synonym when the typed words do not.
 */
async function findRoles(text: string, words: string[], allTypos: boolean, limit: number, synonyms: readonly SearchSynonym[]): Promise<TRoleSearchResult[]> {
  // Each word's one-edit variants as one comma-separated text (ranks alike): arrays cannot be jagged.
  const edits = words.map((word) => editVariants(word));
  const variants = edits.map((list) => list.map((edit) => edit.variant).join(","));
  const ranks = edits.map((list) => list.map((edit) => edit.rank).join(","));
  // Synonyms compared word by word ("UX/UI designer" = "ux ui designer"), the first that fits.
  const synonymKeys = synonyms.map((synonym) => queryWords(synonym.term).join(" "));
  const synonymTerms = synonyms.map((synonym) => synonym.term);
  const synonymCodes = synonyms.map((synonym) => synonym.codes.join(","));
  // How much of the term the query covers (1 for the whole term): "Nurse" beats "Nurse Practitioners" for "nurse".
  const closeness = Prisma.sql`least(1.0, ${text.length}::float8 / greatest(length("text"), 1))`;
  const isExact = Prisma.sql`CASE WHEN lower("text") IN (${text}, (SELECT "text" FROM spelled)) THEN 1 ELSE 0 END`;
  // As typed > through each typo's closest word > through any similar word.
  const spelled = Prisma.sql`CASE WHEN "document" @@ (SELECT "exact" FROM tsq) THEN 1.0
    WHEN "document" @@ (SELECT "closest" FROM tsq) THEN ${CLOSEST}::float8 ELSE ${CORRECTED}::float8 END`;
  const rows = await prisma.$queryRaw<RawResult[]>(Prisma.sql`
      WITH q AS MATERIALIZED (
        -- Materialized: each word's stem, variant array and prefix count are worked out once, not in every reference.
        SELECT u."word", u."position", w."stem",
               -- A short last word is being typed ("public r"): a prefix too, as long as another word narrows it.
               length(u."word") >= 3 OR (u."position" = ${words.length} AND ${words.length} > 1) AS "prefix",
               string_to_array(u."variants", ',') AS "variants", string_to_array(u."ranks", ',')::int[] AS "ranks",
               -- Only a word no vocabulary word begins with is misspelt, in either pass.
               -- count(*), not NOT EXISTS: the planner would read the whole table for the first row.
               length(u."word") >= 3 AND w."stem" IS NOT NULL AND (SELECT count(*) FROM "SearchWord" p WHERE p."word" LIKE u."word" || '%') = 0 AS "unknown"
          FROM unnest(${words}::text[], ${variants}::text[], ${ranks}::text[]) WITH ORDINALITY AS u("word", "variants", "ranks", "position")
          CROSS JOIN LATERAL (SELECT (ts_lexize('english_stem', u."word"))[1] AS "stem") w
      ), resolved AS (
        SELECT q."position", q."word", q."stem", q."prefix",
               ARRAY(
                 SELECT DISTINCT s."stem" FROM "SearchWord" s
                  WHERE length(q."word") >= 3 AND (q."stem" IS NOT NULL OR ${words.length === 1}) AND s."word" LIKE q."word" || '%'
                    AND (q."stem" IS NULL OR left(s."stem", length(q."stem")) <> q."stem")
               ) AS "prefixStems",
               COALESCE(ed."stems", ARRAY(
                 SELECT s."stem" FROM "SearchWord" s
                  WHERE t."typo" AND ed."stems" IS NULL AND s."word" % q."word"
                  ORDER BY levenshtein(s."word", q."word"), similarity(s."word", q."word") DESC, s."word"
                  LIMIT ${TYPO_CANDIDATES}
               )) AS "typoStems",
               CASE WHEN q."unknown" THEN ed."words"[1] END AS "corrected"
          FROM q
          CROSS JOIN LATERAL (SELECT q."unknown" OR (${allTypos} AND length(q."word") >= 3 AND q."stem" IS NOT NULL) AS "typo") t
          -- Primary-key lookups of the one-edit variants of a typo, swaps first.
          CROSS JOIN LATERAL (
            SELECT array_agg(e."stem" ORDER BY e."order") AS "stems", array_agg(e."word" ORDER BY e."order") AS "words"
              FROM (SELECT s."stem", s."word", row_number() OVER (ORDER BY q."ranks"[array_position(q."variants", s."word")], similarity(s."word", q."word") DESC, s."word") AS "order"
                      FROM "SearchWord" s
                     WHERE t."typo" AND s."word" = ANY(q."variants")
                     ORDER BY "order"
                     LIMIT ${TYPO_CANDIDATES}) e
          ) ed
      ), spelled AS (
        SELECT string_agg(COALESCE("corrected", "word"), ' ' ORDER BY "position") AS "text" FROM resolved
      ), lexemes AS (
        SELECT "position", "own", "own" || "begun" || "similar"[1:1] AS "closest", "own" || "begun" || "similar" AS "expanded"
          FROM (SELECT "position",
                       CASE WHEN "stem" IS NULL THEN '{}'::text[] WHEN "prefix" THEN ARRAY["stem" || ':*'] ELSE ARRAY["stem"] END AS "own",
                       ARRAY(SELECT l || ':*' FROM unnest("prefixStems") l) AS "begun",
                       ARRAY(SELECT l || ':*' FROM unnest("typoStems") l) AS "similar",
                       -- Second pass: a word that resembles nothing ("oWrd") is dropped rather than failing the rest.
                       ${allTypos} AND cardinality("prefixStems") + cardinality("typoStems") = 0
                         AND EXISTS (SELECT 1 FROM resolved o WHERE cardinality(o."prefixStems") + cardinality(o."typoStems") > 0) AS "dropped"
                  FROM resolved) w
         WHERE NOT "dropped" AND cardinality("own" || "begun" || "similar") > 0
      ), tsq AS (
        -- Stop words only ("it"): no query, so nothing is found, not even a synonym (none is made of stop words alone).
        SELECT CASE WHEN bool_and(cardinality("own") > 0) THEN to_tsquery('simple'::regconfig, string_agg("own"[1], ' & ' ORDER BY "position")) END AS "exact",
               to_tsquery('simple'::regconfig, string_agg('(' || array_to_string("closest", ' | ') || ')', ' & ' ORDER BY "position")) AS "closest",
               to_tsquery('simple'::regconfig, string_agg('(' || array_to_string("expanded", ' | ') || ')', ' & ' ORDER BY "position")) AS "expanded"
          FROM lexemes
      ), synonym AS (
        SELECT (${synonymTerms}::text[])["index"] AS "term", string_to_array((${synonymCodes}::text[])["index"], ',') AS "codes"
          FROM (SELECT COALESCE(array_position(${synonymKeys}::text[], ${words.join(" ")}), array_position(${synonymKeys}::text[], (SELECT "text" FROM spelled))) AS "index") i
         WHERE "index" IS NOT NULL AND (SELECT "expanded" FROM tsq) IS NOT NULL
      ), fts AS (
        SELECT "occupationCode", "kind", "text", "weight", "document", "inCurrentRelease"
          FROM "RoleSearchTerm"
         WHERE "document" @@ (SELECT "expanded" FROM tsq) AND "kind" <> 'TASK'
      ), fts_tasks AS (
        -- Tasks weigh least: read only when the titles give little (one-time filter).
        SELECT "occupationCode", "kind", "text", "weight", "document", "inCurrentRelease"
          FROM "RoleSearchTerm"
         WHERE (SELECT count(*) FROM fts) < ${FEW_HITS}
           AND "document" @@ (SELECT "expanded" FROM tsq) AND "kind" = 'TASK'
      ), terms AS (
        SELECT "occupationCode", "kind", "text", "weight" * (0.75 + 0.5 * ${closeness} + ${isExact}) * ${spelled} AS score, "inCurrentRelease" FROM fts
        UNION ALL
        SELECT "occupationCode", "kind", "text", "weight" * (0.75 + 0.5 * ${closeness}) * ${spelled} AS score, "inCurrentRelease" FROM fts_tasks
        UNION ALL
        SELECT c."code", 'ALTERNATE'::"SearchTermKind", s."term", ${SYNONYM_SCORE}::float8 - c."rank",
               COALESCE((SELECT bool_and(t."inCurrentRelease") FROM "RoleSearchTerm" t WHERE t."occupationCode" = c."code" AND t."kind" = 'TITLE'), true)
          FROM synonym s CROSS JOIN LATERAL unnest(s."codes") WITH ORDINALITY AS c("code", "rank")
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
