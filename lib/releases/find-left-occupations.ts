import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { LeftOnetOccupation } from "./onet-files";
import { findLeftOnetOccupations } from "./onet-part-releases";

/**
 * The occupations that left O*NET: listed by an earlier shown release, not by the current one
 * (the rule of `onetListing`, as the role page decides it), each with its last release. For
 * browse and the sitemap (through the cached summaries); the importer asks the same in its transaction.
 */
export function findLeftOccupations(): Promise<LeftOnetOccupation[]> {
  return findLeftOnetOccupations((sql, params = []) => prisma.$queryRawUnsafe(sql, ...params));
}
