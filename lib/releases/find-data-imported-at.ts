import "server-only";
import { prisma } from "@/lib/db/prisma";

/** When the official data last changed here (the newest release's import), or null before the first import. */
export async function findDataImportedAt(): Promise<Date | null> {
  return (await prisma.datasetRelease.aggregate({ _max: { importedAt: true } }))._max.importedAt;
}
