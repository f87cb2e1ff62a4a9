import type { PoolClient } from "pg";
import { leftOnetOccupations, pickOnetPartReleases, releaseFileNames, type LeftOnetOccupation, type OnetPart, type OnetPartRelease, type OnetReleaseFiles } from "./onet-files";

export type OnetPartReleases = Record<OnetPart, OnetPartRelease | null>;

/** The shown O*NET releases, newest first, with the files each one had (SQL, for the importer's transaction). */
export async function findShownOnetReleases(client: PoolClient): Promise<OnetReleaseFiles[]> {
  const result = await client.query<{ id: number; version: string; files: unknown }>(
    `SELECT "id", "version", "files" FROM "DatasetRelease" WHERE "dataset" = 'onet' AND "shown" ORDER BY "releasedOn" DESC, "id" DESC`,
  );
  return result.rows.map((row) => ({ id: row.id, version: row.version, files: releaseFileNames(row.files) }));
}

/** For each O*NET part, the release pages read it from (inside the caller's transaction). */
export async function findOnetPartReleases(client: PoolClient): Promise<OnetPartReleases> {
  return pickOnetPartReleases(await findShownOnetReleases(client));
}

/** The occupations that left O*NET (`leftOnetOccupations`), inside the caller's transaction (the importer's search index). */
export async function findLeftOnetOccupationsIn(client: PoolClient): Promise<LeftOnetOccupation[]> {
  const releases = await findShownOnetReleases(client);
  const listings = await client.query<{ code: string; releaseIds: number[] }>(
    `SELECT "code", array_agg("releaseId") AS "releaseIds" FROM "OnetOccupation" WHERE "releaseId" = ANY($1::int[]) GROUP BY "code" ORDER BY "code"`,
    [releases.map((release) => release.id)],
  );
  return leftOnetOccupations(releases, listings.rows);
}
