import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/transaction";

export interface ReleaseSummary {
  id: number;
  dataset: string;
  name: string;
  publisher: string;
  version: string;
  referencePeriod: string;
  license: string;
  sourceUrl: string;
  citation: string;
  importedAt: Date;
}

/**
 * The newest shown release of every dataset (by publication date): the release pages show
 * (an operator may have set newer ones aside by going back to an earlier release). Keyed by dataset ("onet", "oews", ...).
 */
export async function findCurrentReleases(db: Tx = prisma): Promise<Map<string, ReleaseSummary>> {
  const releases = await db.datasetRelease.findMany({
    where: { shown: true },
    orderBy: [{ releasedOn: "desc" }, { id: "desc" }],
    select: { id: true, dataset: true, name: true, publisher: true, version: true, referencePeriod: true, license: true, sourceUrl: true, citation: true, importedAt: true },
  });
  const current = new Map<string, ReleaseSummary>();
  for (const release of releases) if (!current.has(release.dataset)) current.set(release.dataset, release);
  return current;
}
