import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { PoolClient } from "pg";

export interface ReleaseMetadata {
  dataset: string;
  name: string;
  publisher: string;
  version: string;
  referencePeriod: string;
  /** ISO date the publisher released it. */
  releasedOn: string;
  license: string;
  sourceUrl: string;
  citation: string;
}

export interface ReleaseFile {
  name: string;
  sha256: string;
  bytes: number;
}

/** sha256 and size of each file, recorded on the release so a page can say exactly what it shows. */
export async function describeFiles(dir: string, names: readonly string[]): Promise<ReleaseFile[]> {
  return Promise.all(
    names.map(async (name) => {
      const full = path.join(dir, name);
      const [bytes, info] = await Promise.all([readFile(full), stat(full)]);
      return { name, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: info.size };
    }),
  );
}

/**
 * Finds or creates the DatasetRelease row for (dataset, version); refreshes its metadata
 * only when something differs, so that re-importing the same files changes nothing.
 */
export async function registerRelease(client: PoolClient, meta: ReleaseMetadata, files: ReleaseFile[]): Promise<{ releaseId: number; changed: boolean }> {
  const filesJson = JSON.stringify(files);
  const result = await client.query<{ id: number; inserted: boolean }>(
    `INSERT INTO "DatasetRelease" ("dataset", "name", "publisher", "version", "referencePeriod", "releasedOn", "license", "sourceUrl", "citation", "files")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
     ON CONFLICT ("dataset", "version") DO UPDATE SET
       "name" = EXCLUDED."name", "publisher" = EXCLUDED."publisher", "referencePeriod" = EXCLUDED."referencePeriod",
       "releasedOn" = EXCLUDED."releasedOn", "license" = EXCLUDED."license", "sourceUrl" = EXCLUDED."sourceUrl",
       "citation" = EXCLUDED."citation", "files" = EXCLUDED."files", "importedAt" = now()
     WHERE ("DatasetRelease"."name", "DatasetRelease"."publisher", "DatasetRelease"."referencePeriod", "DatasetRelease"."releasedOn",
            "DatasetRelease"."license", "DatasetRelease"."sourceUrl", "DatasetRelease"."citation", "DatasetRelease"."files")
       IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."publisher", EXCLUDED."referencePeriod", EXCLUDED."releasedOn",
            EXCLUDED."license", EXCLUDED."sourceUrl", EXCLUDED."citation", EXCLUDED."files")
     RETURNING "id", (xmax = 0) AS inserted`,
    [meta.dataset, meta.name, meta.publisher, meta.version, meta.referencePeriod, meta.releasedOn, meta.license, meta.sourceUrl, meta.citation, filesJson],
  );
  if (result.rows[0]) return { releaseId: result.rows[0].id, changed: true };
  const existing = await client.query<{ id: number }>(`SELECT "id" FROM "DatasetRelease" WHERE "dataset" = $1 AND "version" = $2`, [meta.dataset, meta.version]);
  return { releaseId: existing.rows[0]!.id, changed: false };
}

/** The id of the newest shown release of a dataset (by publication date), or null. */
export async function findCurrentReleaseId(client: PoolClient, dataset: string): Promise<number | null> {
  const result = await client.query<{ id: number }>(
    `SELECT "id" FROM "DatasetRelease" WHERE "dataset" = $1 AND "shown" ORDER BY "releasedOn" DESC, "id" DESC LIMIT 1`,
    [dataset],
  );
  return result.rows[0]?.id ?? null;
}
