import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";
import type { ReleaseSummary } from "./find-current-releases";
import { onetListing, pickOnetPartReleases, releaseFileNames, type OnetPart, type OnetPartRelease } from "./onet-files";

export interface OccupationOnetReleases {
  /** For each part, the release this page reads it from. */
  parts: Record<OnetPart, OnetPartRelease | null>;
  /** The occupation's description in the release its title and description come from; null when no shown release lists it. */
  description: string | null;
  /** Set when the current release no longer lists the occupation: the newest shown release that does (its official parts come from there, or older). */
  lastRelease: ReleaseSummary | null;
  /** Whether the current (newest shown) O*NET release lists the occupation. */
  inCurrentRelease: boolean;
}

/**
 * Which O*NET release each part of one occupation's page comes from: the newest shown release
 * that has the part's file, as for every page; for an occupation the current release no longer
 * lists, the same counted from the last release that lists it, so that its page keeps that
 * release's official data (older releases' rows are never deleted by an upgrade). The page and
 * the corrections' official values (lib/community/official-values.ts) read through it alike.
 */
export async function findOccupationOnetReleases(code: string, db: Tx = prisma): Promise<OccupationOnetReleases> {
  const [shown, listings] = await Promise.all([
    db.datasetRelease.findMany({
      where: { dataset: "onet", shown: true },
      orderBy: [{ releasedOn: "desc" }, { id: "desc" }],
      select: { id: true, dataset: true, name: true, publisher: true, version: true, referencePeriod: true, license: true, sourceUrl: true, citation: true, importedAt: true, files: true },
    }),
    db.onetOccupation.findMany({ where: { code }, select: { releaseId: true, description: true } }),
  ]);
  const releases = shown.map((release) => ({ id: release.id, version: release.version, files: releaseFileNames(release.files) }));
  const current = pickOnetPartReleases(releases);
  const listed = new Map(listings.map((listing) => [listing.releaseId, listing.description]));
  const listing = onetListing(releases, new Set(listed.keys()));
  if (listing.status === "current") return { parts: current, description: listed.get(current.occupations!.id)!, lastRelease: null, inCurrentRelease: true };
  if (listing.status === "unlisted") return { parts: current, description: null, lastRelease: null, inCurrentRelease: false };
  const lastRelease: ReleaseSummary = { ...shown[listing.lastIndex]! };
  return { parts: pickOnetPartReleases(releases.slice(listing.lastIndex)), description: listed.get(lastRelease.id)!, lastRelease, inCurrentRelease: false };
}
