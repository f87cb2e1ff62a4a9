import type { PoolClient } from "pg";
import { leftOnetOccupations, pickOnetPartReleases, releaseFileNames, type LeftOnetOccupation, type OnetPart, type OnetPartRelease, type OnetReleaseFiles } from "./onet-files";

export type OnetPartReleases = Record<OnetPart, OnetPartRelease | null>;

/** Runs one SQL statement with positional parameters: the importer's pg client or the app's Prisma. */
export type SqlRows = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/** The importer's transaction as `SqlRows`. */
export function pgRows(client: PoolClient): SqlRows {
  return async <T,>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
}

/** The shown O*NET releases, newest first, with the files each one had. */
async function findShownOnetReleases(rows: SqlRows): Promise<OnetReleaseFiles[]> {
  const releases = await rows<{ id: number; version: string; files: unknown }>(
    `SELECT "id", "version", "files" FROM "DatasetRelease" WHERE "dataset" = 'onet' AND "shown" ORDER BY "releasedOn" DESC, "id" DESC`,
  );
  return releases.map((row) => ({ id: row.id, version: row.version, files: releaseFileNames(row.files) }));
}

/** For each O*NET part, the release pages read it from (inside the caller's transaction). */
export async function findOnetPartReleases(client: PoolClient): Promise<OnetPartReleases> {
  return pickOnetPartReleases(await findShownOnetReleases(pgRows(client)));
}

/**
 * The occupations that left O*NET (`leftOnetOccupations`): for the importer's search index
 * (`pgRows` of its transaction) and for browse and the sitemap (lib/releases/find-left-occupations.ts).
 */
export async function findLeftOnetOccupations(rows: SqlRows): Promise<LeftOnetOccupation[]> {
  const releases = await findShownOnetReleases(rows);
  if (releases.length < 2) return [];
  const listings = await rows<{ code: string; releaseIds: number[] }>(
    `SELECT "code", array_agg("releaseId") AS "releaseIds" FROM "OnetOccupation" WHERE "releaseId" = ANY($1::int[]) GROUP BY "code" ORDER BY "code"`,
    [releases.map((release) => release.id)],
  );
  return leftOnetOccupations(releases, listings);
}
