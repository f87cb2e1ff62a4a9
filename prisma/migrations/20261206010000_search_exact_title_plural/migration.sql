-- Search: a term is "exactly the query" up to a final plural s, so "customer service
-- representative" finds the occupation titled "Customer Service Representatives" before another
-- occupation whose alternate title is that phrase word for word.
-- Otherwise the function of 20261205220000_search_roles_function unchanged.
-- (No semicolon outside the function body: prisma/split-sql-script.ts cuts there.)
CREATE OR REPLACE FUNCTION "search_roles"(
  "inputWords" text[], "inputVariants" text[], "inputRanks" text[], "allTypos" boolean, "queryText" text, "maxResults" integer,
  "synonymKeys" text[], "synonymTerms" text[], "synonymCodes" text[]
) RETURNS TABLE (
  "code" text, "slug" text, "title" text, "matchedKind" text, "matchedText" text,
  "medianAnnualWage" double precision, "wageGroupCode" text, "score" double precision, "inCurrentRelease" boolean
)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
    WITH q AS MATERIALIZED (
      -- Materialized: each word's stem, variant array and prefix count are worked out once, not in every reference.
      SELECT u."word", u."position", w."stem",
             -- A short last word is being typed ("public r"): a prefix too, as long as another word narrows it.
             length(u."word") >= 3 OR (u."position" = cardinality("inputWords") AND cardinality("inputWords") > 1) AS "prefix",
             string_to_array(u."variants", ',') AS "variants", string_to_array(u."ranks", ',')::int[] AS "ranks",
             -- Only a word no vocabulary word begins with is misspelt, in either pass.
             -- count(*), not NOT EXISTS: the planner would read the whole table for the first row.
             length(u."word") >= 3 AND w."stem" IS NOT NULL AND (SELECT count(*) FROM "SearchWord" p WHERE p."word" LIKE u."word" || '%') = 0 AS "unknown"
        FROM unnest("inputWords", "inputVariants", "inputRanks") WITH ORDINALITY AS u("word", "variants", "ranks", "position")
        CROSS JOIN LATERAL (SELECT (ts_lexize('english_stem', u."word"))[1] AS "stem") w
    ), resolved AS (
      SELECT q."position", q."word", q."stem", q."prefix",
             ARRAY(
               SELECT DISTINCT s."stem" FROM "SearchWord" s
                WHERE length(q."word") >= 3 AND (q."stem" IS NOT NULL OR cardinality("inputWords") = 1) AND s."word" LIKE q."word" || '%'
                  AND (q."stem" IS NULL OR left(s."stem", length(q."stem")) <> q."stem")
             ) AS "prefixStems",
             COALESCE(ed."stems", ARRAY(
               SELECT s."stem" FROM "SearchWord" s
                WHERE t."typo" AND ed."stems" IS NULL AND s."word" % q."word"
                ORDER BY levenshtein(s."word", q."word"), similarity(s."word", q."word") DESC, s."word"
                LIMIT 8 -- typo candidates per word
             )) AS "typoStems",
             CASE WHEN q."unknown" THEN ed."words"[1] END AS "corrected"
        FROM q
        CROSS JOIN LATERAL (SELECT q."unknown" OR ("allTypos" AND length(q."word") >= 3 AND q."stem" IS NOT NULL) AS "typo") t
        -- Primary-key lookups of the one-edit variants of a typo, swaps first.
        CROSS JOIN LATERAL (
          SELECT array_agg(e."stem" ORDER BY e."order") AS "stems", array_agg(e."word" ORDER BY e."order") AS "words"
            FROM (SELECT s."stem", s."word", row_number() OVER (ORDER BY q."ranks"[array_position(q."variants", s."word")], similarity(s."word", q."word") DESC, s."word") AS "order"
                    FROM "SearchWord" s
                   WHERE t."typo" AND s."word" = ANY(q."variants")
                   ORDER BY "order"
                   LIMIT 8) e -- typo candidates per word
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
                     "allTypos" AND cardinality("prefixStems") + cardinality("typoStems") = 0
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
      SELECT ("synonymTerms")["index"] AS "term", string_to_array(("synonymCodes")["index"], ',') AS "codes"
        FROM (SELECT COALESCE(array_position("synonymKeys", array_to_string("inputWords", ' ')), array_position("synonymKeys", (SELECT "text" FROM spelled))) AS "index") i
       WHERE "index" IS NOT NULL AND (SELECT "expanded" FROM tsq) IS NOT NULL
    ), fts AS (
      SELECT "occupationCode", "kind", "text", "weight", "document", "inCurrentRelease"
        FROM "RoleSearchTerm"
       WHERE "document" @@ (SELECT "expanded" FROM tsq) AND "kind" <> 'TASK'
    ), fts_tasks AS (
      -- Tasks weigh least: read only when the titles give little (one-time filter).
      SELECT "occupationCode", "kind", "text", "weight", "document", "inCurrentRelease"
        FROM "RoleSearchTerm"
       WHERE (SELECT count(*) FROM fts) < 40 -- few title hits
         AND "document" @@ (SELECT "expanded" FROM tsq) AND "kind" = 'TASK'
    ), terms AS (
      SELECT "occupationCode", "kind", "text", "weight" * (0.75 + 0.5 * least(1.0, length("queryText")::float8 / greatest(length("text"), 1)) + CASE WHEN regexp_replace(lower("text"), 's$', '') IN (regexp_replace("queryText", 's$', ''), regexp_replace((SELECT "text" FROM spelled), 's$', '')) THEN 1 ELSE 0 END) * CASE WHEN "document" @@ (SELECT "exact" FROM tsq) THEN 1.0
  WHEN "document" @@ (SELECT "closest" FROM tsq) THEN 0.9::float8 ELSE 0.75::float8 END AS score, "inCurrentRelease" FROM fts
      UNION ALL
      SELECT "occupationCode", "kind", "text", "weight" * (0.75 + 0.5 * least(1.0, length("queryText")::float8 / greatest(length("text"), 1))) * CASE WHEN "document" @@ (SELECT "exact" FROM tsq) THEN 1.0
  WHEN "document" @@ (SELECT "closest" FROM tsq) THEN 0.9::float8 ELSE 0.75::float8 END AS score, "inCurrentRelease" FROM fts_tasks
      UNION ALL
      SELECT c."code", 'ALTERNATE'::"SearchTermKind", s."term", 1000::float8 - c."rank",
             COALESCE((SELECT bool_and(t."inCurrentRelease") FROM "RoleSearchTerm" t WHERE t."occupationCode" = c."code" AND t."kind" = 'TITLE'), true)
        FROM synonym s CROSS JOIN LATERAL unnest(s."codes") WITH ORDINALITY AS c("code", "rank")
    ), roles AS (
      -- A role's terms are all current or all of a release it left: the whole role scores LEFT_RELEASE then.
      SELECT DISTINCT ON ("occupationCode") "occupationCode", "kind", "text",
             (score + 0.05 * ln(count(*) OVER role)) * CASE WHEN bool_and("inCurrentRelease") OVER role THEN 1.0 ELSE 0.9::float8 END AS score,
             bool_and("inCurrentRelease") OVER role AS "inCurrentRelease"
        FROM terms
      WINDOW role AS (PARTITION BY "occupationCode")
       ORDER BY "occupationCode", score DESC, "kind", "text"
    ), oews AS (
      SELECT "id" FROM "DatasetRelease" WHERE "dataset" = 'oews' ORDER BY "releasedOn" DESC, "id" DESC LIMIT 1
    ), top AS (
      SELECT * FROM roles ORDER BY score DESC, "occupationCode" LIMIT "maxResults"
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
     LIMIT "maxResults";
END
$$;
