import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import { AppError, AppErrorCode } from "@/lib/errors";
import { ZRoleSearchResultSchema, ZSearchRolesInputSchema, type TRoleSearchResult, type TSearchRolesInput } from "./search-roles.types";

/** Title hits of full-text search below which tasks are searched too. */
const FEW_HITS = 40;

/** How many similar words stand in for a word that no term contains (a typo). */
const TYPO_CANDIDATES = 8;

/** Score factors of a term found through the closest word of each typo, or only through another similar word. */
const CLOSEST = 0.9;
const CORRECTED = 0.75;

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
 * retried once with every word treated as a possible typo.
 */
export async function searchRoles(input: TSearchRolesInput): Promise<TRoleSearchResult[]> {
  const parsed = ZSearchRolesInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(AppErrorCode.INVALID_INPUT, parsed.error.issues[0]?.message, { query: parsed.error.issues.map((issue) => issue.message) });
  }
  const { query, limit } = parsed.data;
  const text = query.toLowerCase();
  const words = queryWords(text);
  if (words.length === 0) return [];
  const found = await findRoles(text, await resolveWords(words, false), limit);
  if (found.length > 0 || !words.some((word) => word.length >= 3)) return found;
  return findRoles(text, await resolveWords(words, true), limit);
}

export interface ResolvedWord {
  /** The word's own English stem, a prefix when `prefix`; null for a stop word. */
  stem: string | null;
  prefix: boolean;
  /** Stems of the vocabulary words it begins that the stemmer cut shorter ("operato" → "oper"). */
  prefixStems: string[];
  /** Stems of the most similar words when no word begins with it (a typo), closest first. */
  typoStems: string[];
}

/**
 * One statement: each word's stem, the stems of the vocabulary words it begins whose stem
 * does not start with its own (all of them for a lone stop word: "who" while typing
 * "wholesale"), and, for a word no vocabulary word begins with (or every word when
 * `allTypos`), the stems of the most similar words (trigram `%` with the connection's
 * threshold, lib/db/prisma.ts; fewest edits first).
 */
async function resolveWords(words: string[], allTypos: boolean): Promise<ResolvedWord[]> {
  const rows = await prisma.$queryRaw<{ stem: string | null; prefixStems: string[]; typoStems: string[] }[]>(Prisma.sql`
    SELECT q."stem",
           ARRAY(
             SELECT DISTINCT s."stem" FROM "SearchWord" s
              WHERE length(q."word") >= 3 AND (q."stem" IS NOT NULL OR ${words.length === 1}) AND s."word" LIKE q."word" || '%'
                AND (q."stem" IS NULL OR left(s."stem", length(q."stem")) <> q."stem")
           ) AS "prefixStems",
           ARRAY(
             SELECT s."stem" FROM "SearchWord" s
              WHERE length(q."word") >= 3 AND q."stem" IS NOT NULL
                -- count(*), not NOT EXISTS: the planner would read the whole table for the first row.
                AND (${allTypos} OR (SELECT count(*) FROM "SearchWord" p WHERE p."word" LIKE q."word" || '%') = 0)
                AND s."word" % q."word"
              ORDER BY levenshtein(s."word", q."word"), similarity(s."word", q."word") DESC, s."word"
              LIMIT ${TYPO_CANDIDATES}
           ) AS "typoStems"
      FROM (SELECT "word", (ts_lexize('english_stem', "word"))[1] AS "stem", "position"
              FROM unnest(${words}::text[]) WITH ORDINALITY AS u("word", "position")) q
     ORDER BY q."position"`);
  // A short last word is being typed ("public r"): a prefix too, as long as another word narrows it.
  const prefix = (index: number) => (words[index]?.length ?? 0) >= 3 || (index === words.length - 1 && words.length > 1);
  const resolved = rows.map((row, index) => ({ stem: row.stem, prefix: prefix(index), prefixStems: row.prefixStems, typoStems: row.typoStems }));
  if (!allTypos) return resolved;
  // Second pass: a word that resembles nothing ("oWrd") is dropped rather than failing the rest.
  const known = resolved.filter((word) => word.prefixStems.length + word.typoStems.length > 0);
  return known.length > 0 ? known : resolved;
}

async function findRoles(text: string, words: ResolvedWord[], limit: number): Promise<TRoleSearchResult[]> {
  const { exact, closest, expanded } = toTsQueries(words);
  if (expanded === "") return [];
  // How much of the term the query covers (1 for the whole term): "Nurse" beats "Nurse Practitioners" for "nurse".
  const closeness = Prisma.sql`least(1.0, ${text.length}::float8 / greatest(length("text"), 1))`;
  const isExact = Prisma.sql`CASE WHEN lower("text") = ${text} THEN 1 ELSE 0 END`;
  // As typed > through each typo's closest word > through any similar word.
  const spelled = Prisma.sql`CASE WHEN ${exact} <> '' AND "document" @@ to_tsquery('simple'::regconfig, ${exact}) THEN 1.0
    WHEN "document" @@ to_tsquery('simple'::regconfig, ${closest}) THEN ${CLOSEST}::float8 ELSE ${CORRECTED}::float8 END`;
  const rows = await prisma.$queryRaw<RawResult[]>(Prisma.sql`
      WITH fts AS (
        SELECT "occupationCode", "kind", "text", "weight", "document"
          FROM "RoleSearchTerm"
         WHERE "document" @@ to_tsquery('simple'::regconfig, ${expanded}) AND "kind" <> 'TASK'
      ), fts_tasks AS (
        -- Tasks weigh least: read only when the titles give little (one-time filter).
        SELECT "occupationCode", "kind", "text", "weight", "document"
          FROM "RoleSearchTerm"
         WHERE (SELECT count(*) FROM fts) < ${FEW_HITS}
           AND "document" @@ to_tsquery('simple'::regconfig, ${expanded}) AND "kind" = 'TASK'
      ), terms AS (
        SELECT "occupationCode", "kind", "text", "weight" * (0.75 + 0.5 * ${closeness} + ${isExact}) * ${spelled} AS score FROM fts
        UNION ALL
        SELECT "occupationCode", "kind", "text", "weight" * (0.75 + 0.5 * ${closeness}) * ${spelled} AS score FROM fts_tasks
      ), roles AS (
        SELECT DISTINCT ON ("occupationCode") "occupationCode", "kind", "text",
               score + 0.05 * ln(count(*) OVER (PARTITION BY "occupationCode")) AS score
          FROM terms
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
             r.score::float8 AS "score"
        FROM top r
        JOIN "Occupation" o ON o."code" = r."occupationCode"
        -- OEWS national median: the role's own SOC code, else its smallest published group
        -- (broad, minor, major), the rule of lib/roles/soc-groups.ts the role page uses.
        -- Only for the roles returned, each by primary-key lookups.
        LEFT JOIN LATERAL (
          SELECT w."annualMedian", w."socCode"
            FROM unnest(ARRAY[o."socCode", left(o."socCode", 6) || '0', left(o."socCode", 5) || '00', left(o."socCode", 4) || '000', left(o."socCode", 3) || '0000'])
                   WITH ORDINALITY AS g("socCode", "rank")
            JOIN "Wage" w ON w."releaseId" = (SELECT "id" FROM oews) AND w."areaCode" = '99' AND w."socCode" = g."socCode"
           WHERE g."rank" = 1 OR w."groupLevel" NOT IN ('detailed', 'total')
           ORDER BY g."rank"
           LIMIT 1
        ) pay ON true
       ORDER BY r.score DESC, o."title"
       LIMIT ${limit}`);
  return rows.map((row) => ZRoleSearchResultSchema.parse(row));
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
