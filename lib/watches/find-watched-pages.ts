import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";

export interface WatchedPage {
  occupationCode: string;
  title: string;
  slug: string;
  watchedSince: Date;
  /** The page's latest revision, if any: when it last changed. */
  lastChangedAt: Date | null;
}

/** The pages the actor watches, by title. */
export async function findWatchedPages({ actor }: { actor: Actor | null }): Promise<WatchedPage[]> {
  assertCan(actor, "page:watch");
  const watches = await prisma.pageWatch.findMany({ where: { userId: actor.userId }, select: { occupationCode: true, createdAt: true } });
  const codes = watches.map((w) => w.occupationCode);
  const [occupations, latest] = await Promise.all([
    prisma.occupation.findMany({ where: { code: { in: codes } }, select: { code: true, title: true, slug: true } }),
    prisma.revision.groupBy({ by: ["occupationCode"], where: { occupationCode: { in: codes } }, _max: { createdAt: true } }),
  ]);
  const byCode = new Map(occupations.map((o) => [o.code, o]));
  const changed = new Map(latest.map((l) => [l.occupationCode, l._max.createdAt]));
  return watches
    .map((watch) => {
      const occupation = byCode.get(watch.occupationCode);
      return {
        occupationCode: watch.occupationCode,
        title: occupation?.title ?? watch.occupationCode,
        slug: occupation?.slug ?? watch.occupationCode,
        watchedSince: watch.createdAt,
        lastChangedAt: changed.get(watch.occupationCode) ?? null,
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}
