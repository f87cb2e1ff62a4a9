import type { PoolClient } from "pg";
import { DatasetFileError } from "../dataset-error";
import type { ImportOptions } from "../dataset-importer";
import type { ReleaseMetadata } from "../register-release";
import type { OnetFolder } from "./onet-files";

export interface CurrentOnetTarget {
  version: string;
  releasedOn: string;
}

interface KnownRelease {
  version: string;
  releasedOn: string;
  shown: boolean;
}

/**
 * Which O*NET release pages will show after this import: `--release V` when given, else the
 * newest release found in the folders that an operator has not set aside. Going back to an
 * older release than the current one is refused unless `--allow-older`, so that a data folder
 * missing its newest release never silently moves every page back.
 */
export async function chooseCurrentOnetRelease(client: PoolClient, folders: readonly OnetFolder[], options: ImportOptions): Promise<CurrentOnetTarget> {
  const known = await client.query<KnownRelease>(
    `SELECT "version", to_char("releasedOn", 'YYYY-MM-DD') AS "releasedOn", "shown" FROM "DatasetRelease" WHERE "dataset" = 'onet' ORDER BY "releasedOn", "id"`,
  );
  const current = known.rows.filter((release) => release.shown).at(-1) ?? null;
  const candidates: CurrentOnetTarget[] = [
    ...known.rows,
    ...folders.map(({ meta }) => ({ version: meta.version, releasedOn: meta.releasedOn })),
  ];
  const where = folders.at(-1) ? `${folders.at(-1)!.folder}/Read Me.txt` : "onet/Read Me.txt";
  let target: CurrentOnetTarget | undefined;
  if (options.onetRelease) {
    target = candidates.find((release) => release.version === options.onetRelease);
    if (!target) throw new DatasetFileError(where, null, null, `--release ${options.onetRelease}: no O*NET ${options.onetRelease} in the data folder or the database (found ${describe(candidates)})`);
  } else {
    const setAside = new Set(known.rows.filter((release) => !release.shown).map((release) => release.version));
    target = folders.map(({ meta }) => meta).filter((meta: ReleaseMetadata) => !setAside.has(meta.version)).at(-1) ?? current ?? undefined;
    if (!target) throw new DatasetFileError(where, null, null, "every O*NET release found was set aside earlier: pass --release VERSION to choose the one pages show");
  }
  if (current && target.releasedOn < current.releasedOn && !options.allowOlder) {
    throw new DatasetFileError(
      where,
      null,
      null,
      `O*NET ${target.version} is older than the current O*NET ${current.version}: nothing was imported. To go back to it, run npm run data:import -- --only onet --release ${target.version} --allow-older`,
    );
  }
  return target;
}

/** Pages show `target` and every older release (part by part); newer ones are kept but set aside. Returns how many releases changed. */
export async function showOnetReleasesUpTo(client: PoolClient, target: CurrentOnetTarget): Promise<number> {
  const result = await client.query(
    `UPDATE "DatasetRelease" SET "shown" = ("releasedOn" <= $1::date) WHERE "dataset" = 'onet' AND "shown" IS DISTINCT FROM ("releasedOn" <= $1::date)`,
    [target.releasedOn],
  );
  return result.rowCount ?? 0;
}

function describe(releases: readonly CurrentOnetTarget[]): string {
  return [...new Set(releases.map((release) => release.version))].join(", ") || "none";
}
