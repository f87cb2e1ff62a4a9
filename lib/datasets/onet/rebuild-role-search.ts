import { findLeftOnetOccupations, pgRows, type OnetPartReleases } from "@/lib/releases/onet-part-releases";
import type { ImportContext } from "../dataset-importer";
import { deleteRowsMissingFromStage, type TableCounts } from "../sync-release-rows";

/**
 * How much a match on each kind of text counts in search ranking: the occupation's own
 * title beats an alternate title, which beats a reported title, which beats a task.
 */
const SEARCH_TERM_WEIGHTS = { TITLE: 1, ALTERNATE: 0.8, REPORTED: 0.7, TASK: 0.35 } as const;

/**
 * Makes `RoleSearchTerm` hold exactly the titles, alternate and reported titles and task
 * statements pages show (each from the newest shown O*NET release that has its file), inside the import's transaction, so search
 * always matches the release pages show. An occupation that left O*NET (`onetListing`: an
 * earlier shown release lists it, the current one does not) keeps its title, alternate and
 * reported titles from the releases its page reads (`inCurrentRelease` false: search marks it
 * and ranks it below current ones); its tasks are not searched. Runs after `refreshOccupations`; re-importing
 * the same files changes no row (rows are keyed by occupation, kind and text).
 */
export async function rebuildRoleSearch(context: ImportContext, parts: OnetPartReleases) {
  const { client } = context;
  const none = -1; // a part no shown release has: matches no row
  const w = SEARCH_TERM_WEIGHTS;
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS "stage_RoleSearchTerm" ("occupationCode" text, "kind" "SearchTermKind", "text" text, "weight" float8, "inCurrentRelease" boolean) ON COMMIT DROP`);
  await client.query(`TRUNCATE "stage_RoleSearchTerm"`);
  await client.query(
    `INSERT INTO "stage_RoleSearchTerm" ("occupationCode", "kind", "text", "weight", "inCurrentRelease")
     SELECT DISTINCT ON ("occupationCode", "kind", "text") "occupationCode", "kind", "text", "weight", true FROM (
       SELECT "code" AS "occupationCode", 'TITLE'::"SearchTermKind" AS "kind", "title" AS "text", $2::float8 AS "weight"
         FROM "OnetOccupation" WHERE "releaseId" = $1
       UNION ALL
       SELECT "occupationCode", "kind"::text::"SearchTermKind", "title", CASE "kind" WHEN 'ALTERNATE' THEN $3::float8 ELSE $4::float8 END
         FROM "AlternateTitle" WHERE ("kind" = 'ALTERNATE' AND "releaseId" = $6) OR ("kind" = 'REPORTED' AND "releaseId" = $7)
       UNION ALL
       SELECT "occupationCode", 'TASK'::"SearchTermKind", "statement", $5::float8
         FROM "Task" WHERE "releaseId" = $8
     ) terms`,
    [
      parts.occupations?.id ?? none,
      w.TITLE,
      w.ALTERNATE,
      w.REPORTED,
      w.TASK,
      parts.alternateTitles?.id ?? none,
      parts.reportedTitles?.id ?? none,
      parts.tasks?.id ?? none,
    ],
  );
  // Occupations that left: each from the releases its own page reads (its last release, or older for a part that release lacks).
  const left = await findLeftOnetOccupations(pgRows(client));
  if (left.length > 0) {
    await client.query(
      `WITH l AS (SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[]) AS l("code", "occupations", "alternate", "reported"))
       INSERT INTO "stage_RoleSearchTerm" ("occupationCode", "kind", "text", "weight", "inCurrentRelease")
       SELECT DISTINCT ON ("occupationCode", "kind", "text") "occupationCode", "kind", "text", "weight", false FROM (
         SELECT o."code" AS "occupationCode", 'TITLE'::"SearchTermKind" AS "kind", o."title" AS "text", $5::float8 AS "weight"
           FROM l JOIN "OnetOccupation" o ON o."code" = l."code" AND o."releaseId" = l."occupations"
         UNION ALL
         SELECT a."occupationCode", a."kind"::text::"SearchTermKind", a."title", CASE a."kind" WHEN 'ALTERNATE' THEN $6::float8 ELSE $7::float8 END
           FROM l JOIN "AlternateTitle" a ON a."occupationCode" = l."code"
            AND ((a."kind" = 'ALTERNATE' AND a."releaseId" = l."alternate") OR (a."kind" = 'REPORTED' AND a."releaseId" = l."reported"))
       ) terms`,
      [
        left.map((occupation) => occupation.code),
        left.map((occupation) => occupation.parts.occupations?.id ?? none),
        left.map((occupation) => occupation.parts.alternateTitles?.id ?? none),
        left.map((occupation) => occupation.parts.reportedTitles?.id ?? none),
        w.TITLE,
        w.ALTERNATE,
        w.REPORTED,
      ],
    );
  }
  await client.query(`ANALYZE "stage_RoleSearchTerm"`);
  const read = await client.query<{ count: string }>(`SELECT count(*) FROM "stage_RoleSearchTerm"`);
  // Counted in the database, as sync-release-rows does: 84,000 rows need not travel back.
  const upserted = await client.query<{ inserted: number; written: number }>(
    `WITH written AS (
       INSERT INTO "RoleSearchTerm" ("occupationCode", "kind", "text", "weight", "inCurrentRelease")
       SELECT "occupationCode", "kind", "text", "weight", "inCurrentRelease" FROM "stage_RoleSearchTerm"
       ON CONFLICT ("occupationCode", "kind", "text") DO UPDATE SET "weight" = EXCLUDED."weight", "inCurrentRelease" = EXCLUDED."inCurrentRelease"
         WHERE ("RoleSearchTerm"."weight", "RoleSearchTerm"."inCurrentRelease") IS DISTINCT FROM (EXCLUDED."weight", EXCLUDED."inCurrentRelease")
       RETURNING (xmax = 0) AS inserted)
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*)::int AS written FROM written`,
  );
  const { inserted = 0, written = 0 } = upserted.rows[0] ?? {};
  const { count: deleted } = await deleteRowsMissingFromStage(client, { table: "RoleSearchTerm", stage: "stage_RoleSearchTerm", key: ["occupationCode", "kind", "text"] });
  const total = Number(read.rows[0]?.count ?? 0);
  // Fresh statistics, so that the planner picks the GIN indexes for the very first searches.
  if (written > 0 || deleted > 0) await client.query(`ANALYZE "RoleSearchTerm"`);
  const counts: TableCounts = {
    read: total,
    inserted,
    updated: written - inserted,
    unchanged: total - written,
    deleted,
    // Search answers per request: no cached page reads these rows.
    changedOccupations: [],
  };
  context.report.recordTable("onet", "RoleSearchTerm", counts);
  await rebuildSearchWords(context);
}

/**
 * Makes `SearchWord` hold every distinct lower-cased word (3 letters or more, English stop
 * words left out) of the search terms with its English stem: search resolves typos and
 * words being typed against it. The same statement as the migration that created it.
 */
async function rebuildSearchWords(context: ImportContext) {
  const { client } = context;
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS "stage_SearchWord" ("word" text, "stem" text) ON COMMIT DROP`);
  await client.query(`TRUNCATE "stage_SearchWord"`);
  const read = await client.query(
    `INSERT INTO "stage_SearchWord" ("word", "stem")
     SELECT word, (ts_lexize('english_stem', word))[1]
       FROM (SELECT DISTINCT regexp_split_to_table(lower("text"), '[^[:alnum:]]+') AS word FROM "RoleSearchTerm") words
      WHERE length(word) >= 3 AND (ts_lexize('english_stem', word))[1] IS NOT NULL`,
  );
  await client.query(`ANALYZE "stage_SearchWord"`);
  const inserted = await client.query(`INSERT INTO "SearchWord" ("word", "stem") SELECT "word", "stem" FROM "stage_SearchWord" ON CONFLICT ("word") DO NOTHING`);
  const { count: deleted } = await deleteRowsMissingFromStage(client, { table: "SearchWord", stage: "stage_SearchWord", key: ["word"] });
  if ((inserted.rowCount ?? 0) > 0 || deleted > 0) await client.query(`ANALYZE "SearchWord"`);
  const total = read.rowCount ?? 0;
  const counts: TableCounts = { read: total, inserted: inserted.rowCount ?? 0, updated: 0, unchanged: total - (inserted.rowCount ?? 0), deleted, changedOccupations: [] };
  context.report.recordTable("onet", "SearchWord", counts);
}
