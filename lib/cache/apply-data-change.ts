import "server-only";
import os from "node:os";
import { prisma } from "@/lib/db/prisma";
import { logger } from "@/lib/logging/logger.cjs";
import { EVERY_PAGE_TAGS } from "./cache-tags";
import type { DataChangeNotice } from "./listen-for-data-changes";
import { revalidateLoadedCache } from "./loaded-cache.cjs";
import { refreshesFront, refreshPathsInFront } from "./refresh-front";

/** Addresses the front is asked to fetch again at most this many at once: the other core keeps serving readers. */
const FRONT_REFRESH_CONCURRENCY = 2;

/**
 * What an app instance does when it hears of a data change recorded in PostgreSQL (an import or a
 * restore in another process, lib/cache/record-data-change.ts):
 *
 * 1. drops every page and data entry this process has cached (and, with Redis, the shared
 *    ones): Next then renders each page afresh on its next request, with or without Redis;
 * 2. when a cache front is configured (CACHE_REFRESH_URL), one instance, the first to claim
 *    the change, asks the front to fetch the home page, every role page, the sitemap and the
 *    feed again from itself (it has already dropped its copies), then each role's Markdown
 *    and JSON. A reader of a page not refreshed yet gets it at the end of the front's
 *    micro-cache (1–2 s). Returns the number of addresses refreshed.
 *
 * Every page, because an import cannot say yet which occupations' pages its rows changed.
 */
export async function applyDataChange(change: DataChangeNotice): Promise<number> {
  const started = performance.now();
  await revalidateLoadedCache(EVERY_PAGE_TAGS);
  if (!refreshesFront()) return 0;
  const claimed = await prisma.dataChange.updateMany({ where: { id: change.id, frontRefreshedBy: null }, data: { frontRefreshedBy: thisInstance() } });
  if (claimed.count === 0) return 0;
  const roles = await prisma.occupation.findMany({ select: { code: true, slug: true }, orderBy: { code: "asc" } });
  const paths = ["/", ...roles.map((role) => `/roles/${role.slug}`), "/sitemap.xml", "/changes.atom", ...roles.flatMap((role) => [`/roles/${role.slug}.md`, `/api/roles/${role.code}`])];
  await refreshPathsInFront(paths, FRONT_REFRESH_CONCURRENCY);
  logger.info({ component: "cache-front", dataChange: change.id, source: change.source, paths: paths.length, ms: Math.round(performance.now() - started) }, "front refreshed after a data change");
  return paths.length;
}

function thisInstance(): string {
  return `${os.hostname()}:${process.env.PORT ?? "?"}:${process.pid}`;
}
