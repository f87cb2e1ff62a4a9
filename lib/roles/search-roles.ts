import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/prisma";
import { AppError, AppErrorCode } from "@/lib/errors";
import { ZRoleSearchResultSchema, ZSearchRolesInputSchema, type TRoleSearchResult, type TSearchRolesInput } from "./search-roles.types";

/**
 * Trigram thresholds, set per transaction: `q <% text` (word similarity: the query
 * against the best-matching stretch of a title) finds typos and partial titles through
 * the trigram GIN index (titles only). 0.5 still finds "cybersecurty enginer" →
 * "Cybersecurity Engineer".
 */
const WORD_SIMILARITY_THRESHOLD = 0.5;

/** Title hits of full-text search below which tasks and the trigram (typo) lookup are searched too. */
const FEW_HITS = 40;

/**
 * Roles whose title, alternate or reported titles or tasks (current O*NET release) match
 * `query`, best first. Two indexed lookups feed the ranking: full-text search on the
 * stored tsvector (every word, as a prefix, stemmed) and, when that finds little, trigram
 * word similarity on titles (typos). A term scores weight × (match quality + 1 if it is
 * exactly the query), with weights title > alternate > reported > task; a role takes its
 * best term, plus a little for each further matching term.
 */
export async function searchRoles(input: TSearchRolesInput): Promise<TRoleSearchResult[]> {
  const parsed = ZSearchRolesInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(AppErrorCode.INVALID_INPUT, parsed.error.issues[0]?.message, { query: parsed.error.issues.map((issue) => issue.message) });
  }
  const { query, limit } = parsed.data;
  const text = query.toLowerCase();
  const tsQuery = toPrefixTsQuery(text);
  // How much of the term the query covers (1 for the whole term): "Nurse" beats "Nurse Practitioners" for "nurse".
  const closeness = Prisma.sql`least(1.0, ${text.length}::float8 / greatest(length("text"), 1))`;
  const exact = Prisma.sql`CASE WHEN lower("text") = ${text} THEN 1 ELSE 0 END`;
  const [, rows] = await prisma.$transaction([
    prisma.$executeRawUnsafe(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`),
    prisma.$queryRaw<RawResult[]>(Prisma.sql`
      WITH fts AS (
        SELECT "occupationCode", "kind", "text", "weight"
          FROM "RoleSearchTerm"
         WHERE ${tsQuery} <> '' AND "document" @@ to_tsquery('english'::regconfig, ${tsQuery}) AND "kind" <> 'TASK'
      ), fts_tasks AS (
        -- Tasks weigh least: read only when the titles give little (one-time filter).
        SELECT "occupationCode", "kind", "text", "weight"
          FROM "RoleSearchTerm"
         WHERE (SELECT count(*) FROM fts) < ${FEW_HITS} AND ${tsQuery} <> ''
           AND "document" @@ to_tsquery('english'::regconfig, ${tsQuery}) AND "kind" = 'TASK'
      ), typo AS (
        -- Only when full-text search finds little (a typo, a word still being typed):
        -- a one-time filter, so common words never pay for the trigram scan.
        SELECT "occupationCode", "kind", "text", "weight", word_similarity(${text}, "text") AS ws
          FROM "RoleSearchTerm"
         WHERE ${text.length >= 3} AND (SELECT count(*) FROM fts) < ${FEW_HITS} AND ${text} <% "text" AND "kind" <> 'TASK'
      ), terms AS (
        SELECT "occupationCode", "kind", "text", "weight" * (0.75 + 0.5 * ${closeness} + ${exact}) AS score FROM fts
        UNION ALL
        SELECT "occupationCode", "kind", "text", "weight" * (0.75 + 0.5 * ${closeness}) AS score FROM fts_tasks
        UNION ALL
        SELECT "occupationCode", "kind", "text", "weight" * (ws * (0.5 + 0.5 * ${closeness}) + ${exact}) AS score FROM typo
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
            FROM "Wage" w
           WHERE w."releaseId" = (SELECT "id" FROM oews) AND w."areaCode" = '99'
             AND w."socCode" = ANY (ARRAY[o."socCode", left(o."socCode", 6) || '0', left(o."socCode", 5) || '00', left(o."socCode", 4) || '000', left(o."socCode", 3) || '0000'])
             AND (w."socCode" = o."socCode" OR w."groupLevel" NOT IN ('detailed', 'total'))
           ORDER BY array_position(ARRAY[o."socCode", left(o."socCode", 6) || '0', left(o."socCode", 5) || '00', left(o."socCode", 4) || '000', left(o."socCode", 3) || '0000'], w."socCode")
           LIMIT 1
        ) pay ON true
       ORDER BY r.score DESC, o."title"
       LIMIT ${limit}`),
  ]);
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

/**
 * "cybersecurity eng" → "cybersecurity:* & eng:*": every word must appear, each as a
 * prefix of three letters or more (so suggestions work while typing; "ch:*" would match
 * half the table). Only letters and digits reach to_tsquery, so no input can form
 * operators; at most 8 words.
 */
export function toPrefixTsQuery(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .slice(0, 8)
    .map((word) => (word.length >= 3 ? `${word}:*` : word))
    .join(" & ");
}
