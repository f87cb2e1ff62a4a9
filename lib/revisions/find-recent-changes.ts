import "server-only";
import { FIELD_LABELS, valueToText } from "@/lib/community/fields";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import type { RevisionKind } from "@/lib/generated/prisma/enums";
import { parseFieldState } from "./page-state";

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
}

/** The newest revisions across all pages, for /changes and its Atom feed. Public. */
export async function findRecentChanges(limit = 50): Promise<RecentChange[]> {
  const revisions = await prisma.revision.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  const [occupations, names] = await Promise.all([
    prisma.occupation.findMany({ where: { code: { in: [...new Set(revisions.map((r) => r.occupationCode))] } }, select: { code: true, title: true, slug: true } }),
    findDisplayNames(revisions.map((r) => r.actorId)),
  ]);
  const byCode = new Map(occupations.map((o) => [o.code, o]));
  return revisions.map((revision) => {
    const occupation = byCode.get(revision.occupationCode);
    const after = parseFieldState(revision.field, revision.after);
    const label = FIELD_LABELS[revision.field];
    const summary =
      revision.kind === "REPORT"
        ? "A practitioner narrative was reported by a reader and is hidden until a moderator reviews it again."
        : revision.field === "NARRATIVE"
          ? "A practitioner narrative was published."
          : after.official
            ? `${label}: back to the official value.`
            : after.value === null
              ? `${label}: removed.`
              : `${label}: ${truncate(valueToText(after.value).replace(/\n/g, "; "), 200)}`;
    return {
      id: revision.id,
      occupationCode: revision.occupationCode,
      occupationTitle: occupation?.title ?? revision.occupationCode,
      slug: occupation?.slug ?? revision.occupationCode,
      number: revision.number,
      kind: revision.kind,
      fieldLabel: label,
      summary: revision.kind === "ROLLBACK" ? `Rollback. ${summary}` : summary,
      // Readers who report are not named in public.
      actorName: revision.kind === "REPORT" ? "a reader" : nameOf(names, revision.actorId),
      createdAt: revision.createdAt,
    };
  });
}

function truncate(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
