import "server-only";
import os from "node:os";
import { prisma } from "@/lib/db/prisma";
import { logger } from "@/lib/logging/logger.cjs";
import { EVERY_PAGE_TAGS, pathCacheTag, ROLE_SUMMARIES_TAG, roleCacheTag, roleRepresentationPaths } from "./cache-tags";
import type { DataChangeNotice } from "./listen-for-data-changes";
import { revalidateLoadedCache } from "./loaded-cache.cjs";
import { refreshesFront, refreshPathsInFront } from "./refresh-front";

/** Addresses the front is asked to fetch again at most this many at once: the other core keeps serving readers. */
const FRONT_REFRESH_CONCURRENCY = 2;

/**
 * What an app instance does when it hears of a data change recorded in PostgreSQL (an import
 * in another process, lib/cache/record-data-change.ts):
 *
 * 1. drops what this process has cached (and, with Redis, the shared entries) of the changed
 *    pages: the changed occupations' pages and exports and the lists of roles (home, browse,
 *    sitemap), and the other addresses it names (a public profile), or every page when the
 *    change cannot name its occupations. Next renders them
 *    afresh on their next request, with or without Redis;
 * 2. when a cache front is configured (CACHE_REFRESH_URL), one instance, the first to claim
 *    the change, asks the front to fetch those pages again from itself (it has already
 *    dropped its copies), each in its gzip and plain copies: the role pages readers open
 *    first (only they, so that nothing else renders beside them), then the home page, then
 *    the rest. A page it has not reached yet shows the change when the front's micro-cache of
 *    it runs out (1–2 s). Returns the number of addresses refreshed.
 */
export async function applyDataChange(change: DataChangeNotice): Promise<number> {
  const started = performance.now();
  await revalidateLoadedCache(change.everyPage ? EVERY_PAGE_TAGS : [...change.occupationCodes.map(roleCacheTag), ROLE_SUMMARIES_TAG, ...change.paths.map(pathCacheTag)]);
  if (!refreshesFront()) return 0;
  const claimed = await prisma.dataChange.updateMany({ where: { id: change.id, frontRefreshedBy: null }, data: { frontRefreshedBy: thisInstance() } });
  if (claimed.count === 0) return 0;
  const roles = await prisma.occupation.findMany({
    where: change.everyPage ? {} : { code: { in: change.occupationCodes } },
    select: { code: true, slug: true },
    orderBy: { code: "asc" },
  });
  const rolePages = roles.map((role) => `/roles/${role.slug}`);
  const rest = ["/sitemap.xml", "/changes.atom", ...roles.flatMap((role) => roleRepresentationPaths(role))];
  // Every page: the home page first; a few changed roles: their pages first, on their own (a
  // render of the home page beside them would slow them on a busy machine), then the rest.
  const stages = change.everyPage ? [["/"], rolePages, rest] : [rolePages, ["/", ...rest]];
  for (const stage of stages) await refreshPathsInFront(stage, FRONT_REFRESH_CONCURRENCY);
  const paths = stages.flat();
  await prisma.dataChange.update({ where: { id: change.id }, data: { frontRefreshedAt: new Date() } });
  logger.info({ component: "cache-front", dataChange: change.id, source: change.source, paths: paths.length, ms: Math.round(performance.now() - started) }, "front refreshed after a data change");
  return paths.length;
}

function thisInstance(): string {
  return `${os.hostname()}:${process.env.PORT ?? "?"}:${process.pid}`;
}
