import type { PoolClient } from "pg";
import { pickOnetPartReleases, releaseFileNames, type OnetPart, type OnetPartRelease, type OnetReleaseFiles } from "./onet-files";

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
