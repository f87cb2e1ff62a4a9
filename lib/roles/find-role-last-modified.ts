import "server-only";
import { prisma } from "@/lib/db/prisma";
import { findCurrentReleases } from "@/lib/releases/find-current-releases";

interface RoleLastModified {
  /** The newest import among the current releases: every page changed then. */
  dataAsOf: Date | null;
  /** Each page's last community revision, by O*NET-SOC code. */
  editedAt: Map<string, Date>;
}

/** When each role page last changed, for the sitemap's lastmod: one grouped read of the revisions. */
export async function findRoleLastModified(): Promise<RoleLastModified> {
  const [releases, revisions] = await Promise.all([
    findCurrentReleases(),
    prisma.revision.groupBy({ by: ["occupationCode"], _max: { createdAt: true } }),
  ]);
  const imports = [...releases.values()].map((release) => release.importedAt.getTime());
  return {
    dataAsOf: imports.length > 0 ? new Date(Math.max(...imports)) : null,
    editedAt: new Map(revisions.flatMap((row) => (row._max.createdAt ? [[row.occupationCode, row._max.createdAt] as const] : []))),
  };
}
