import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";
import { pickOnetPartReleases, releaseFileNames, type OnetPart, type OnetPartRelease } from "./onet-files";

/** For each O*NET part (tasks, skills, ...), the newest shown release that has its file: what pages read. */
export async function findOnetPartReleasesForPages(db: Tx = prisma): Promise<Record<OnetPart, OnetPartRelease | null>> {
  const releases = await db.datasetRelease.findMany({
    where: { dataset: "onet", shown: true },
    orderBy: [{ releasedOn: "desc" }, { id: "desc" }],
    select: { id: true, version: true, files: true },
  });
  return pickOnetPartReleases(releases.map((release) => ({ id: release.id, version: release.version, files: releaseFileNames(release.files) })));
}
