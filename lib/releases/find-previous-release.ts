import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { ReleaseSummary } from "./find-current-releases";

/** The release of a dataset published just before `release` (e.g. OEWS May 2023 before May 2024), or null. */
export async function findPreviousRelease(release: { id: number; dataset: string }): Promise<ReleaseSummary | null> {
  const current = await prisma.datasetRelease.findUnique({ where: { id: release.id }, select: { releasedOn: true } });
  if (!current) return null;
  return prisma.datasetRelease.findFirst({
    where: { dataset: release.dataset, shown: true, releasedOn: { lt: current.releasedOn } },
    orderBy: [{ releasedOn: "desc" }, { id: "desc" }],
    select: { id: true, dataset: true, name: true, publisher: true, version: true, referencePeriod: true, license: true, sourceUrl: true, citation: true, importedAt: true },
  });
}
