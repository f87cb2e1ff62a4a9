import "server-only";
import { FIELD_LABELS } from "@/lib/community/fields";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import type { Revision } from "@/lib/generated/prisma/client";
import type { RevisionKind } from "@/lib/generated/prisma/enums";
import { summarizeRevision } from "./revision-summary";

export interface RecentChange {
  id: string;
  occupationCode: string;
  occupationTitle: string;
  slug: string;
  number: number;
  kind: RevisionKind;
  fieldLabel: string;
  summary: string;
  actorName: string;
  createdAt: Date;
  /** Where the entry links: the page's history at this revision, or for a release the list itself. */
  href: string;
}

/** The import of a release is one entry, not one per page it changed (its revisions are on each page's history). */
async function findReleaseEntries(): Promise<RecentChange[]> {
  const releases = await prisma.revision.groupBy({ by: ["itemKey"], where: { kind: "RELEASE" }, _count: { _all: true }, _max: { createdAt: true } });
  return releases.map((release) => {
    const name = `O*NET ${release.itemKey.replace(/^onet:/, "")}`;
    const pages = release._count._all;
    return {
      id: `release-${release.itemKey.replace(/[^A-Za-z0-9.-]/g, "-")}`,
      occupationCode: "",
      occupationTitle: name,
      slug: "",
      number: 0,
      kind: "RELEASE",
      fieldLabel: FIELD_LABELS.OFFICIAL_DATA,
      summary: `${name} imported: ${pages} ${pages === 1 ? "page" : "pages"} changed (each page's history says what).`,
      actorName: "the official data import",
      createdAt: release._max.createdAt ?? new Date(0),
      href: `/changes#release-${release.itemKey.replace(/[^A-Za-z0-9.-]/g, "-")}`,
    };
  });
}

/** The newest revisions across all pages, and one entry per official release import, for /changes and its Atom feed. Public. */
export async function findRecentChanges(limit = 50): Promise<RecentChange[]> {
  const [revisions, releases] = await Promise.all([
    prisma.revision.findMany({ where: { kind: { not: "RELEASE" } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }),
    findReleaseEntries(),
  ]);
  return [...(await toRecentChanges(revisions)), ...releases].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
}

/** The newest revisions of one page, its release revisions included, for the page's Atom feed. Public. */
export async function findPageChanges(occupationCode: string, limit = 50): Promise<RecentChange[]> {
  const revisions = await prisma.revision.findMany({ where: { occupationCode }, orderBy: { number: "desc" }, take: limit });
  return toRecentChanges(revisions);
}

async function toRecentChanges(revisions: readonly Revision[]): Promise<RecentChange[]> {
  const [occupations, names] = await Promise.all([
    prisma.occupation.findMany({ where: { code: { in: [...new Set(revisions.map((r) => r.occupationCode))] } }, select: { code: true, title: true, slug: true } }),
    findDisplayNames(revisions.map((r) => r.actorId)),
  ]);
  const byCode = new Map(occupations.map((o) => [o.code, o]));
  return revisions.map((revision): RecentChange => {
    const occupation = byCode.get(revision.occupationCode);
    return {
      id: revision.id,
      occupationCode: revision.occupationCode,
      occupationTitle: occupation?.title ?? revision.occupationCode,
      slug: occupation?.slug ?? revision.occupationCode,
      number: revision.number,
      kind: revision.kind,
      fieldLabel: FIELD_LABELS[revision.field],
      summary: summarizeRevision(revision),
      // Readers who report are not named in public; a release is the import's.
      actorName: revision.kind === "REPORT" ? "a reader" : revision.kind === "RELEASE" ? "the official data import" : nameOf(names, revision.actorId),
      createdAt: revision.createdAt,
      href: `/roles/${occupation?.slug ?? revision.occupationCode}/history#r${revision.number}`,
    };
  });
}
