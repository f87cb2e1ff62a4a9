import "server-only";
import { prisma } from "@/lib/db/prisma";
import { leftOnetOccupations, releaseFileNames, type LeftOnetOccupation } from "./onet-files";

/**
 * The occupations that left O*NET: listed by an earlier shown release, not by the current one
 * (the rule of `onetListing`, as the role page decides it), each with its last release. For
 * browse and the sitemap (through the cached summaries).
 */
export async function findLeftOccupations(): Promise<LeftOnetOccupation[]> {
  const shown = await prisma.datasetRelease.findMany({
    where: { dataset: "onet", shown: true },
    orderBy: [{ releasedOn: "desc" }, { id: "desc" }],
    select: { id: true, version: true, files: true },
  });
  const releases = shown.map((release) => ({ id: release.id, version: release.version, files: releaseFileNames(release.files) }));
  if (releases.length < 2) return [];
  const listings = await prisma.$queryRaw<{ code: string; releaseIds: number[] }[]>`
    SELECT "code", array_agg("releaseId") AS "releaseIds" FROM "OnetOccupation" WHERE "releaseId" = ANY(${releases.map((release) => release.id)}::int[]) GROUP BY "code" ORDER BY "code"`;
  return leftOnetOccupations(releases, listings);
}
