import "server-only";
import { FIELD_LABELS, valueToText } from "@/lib/community/fields";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import type { CommunityField, RevisionKind } from "@/lib/generated/prisma/enums";
import { badgeLabel, findVerifiedBadges } from "@/lib/verifications/find-verified-badges";
import { parseFieldState } from "./page-state";
import { releaseRevisionText } from "./release-revision-text";

export interface RevisionSummary {
  id: string;
  number: number;
  kind: RevisionKind;
  field: CommunityField;
  fieldLabel: string;
  itemKey: string;
  actorName: string;
  /** Who proposed the change (a submission's author), with their running verified-practitioner badges and public profile. */
  author: { name: string; badges: string[]; profileHref: string | null } | null;
  createdAt: Date;
  submissionId: string | null;
  restoredFromNumber: number | null;
  /** Plain text of the value before and after (empty for "official"/removed, see flags). */
  beforeText: string;
  afterText: string;
  beforeOfficial: boolean;
  afterOfficial: boolean;
}

/** Every revision of one page, newest first: who, when, what, from which submission. Public. */
export async function findRevisions(occupationCode: string): Promise<RevisionSummary[]> {
  const revisions = await prisma.revision.findMany({ where: { occupationCode }, orderBy: { number: "desc" }, include: { submission: { select: { authorId: true } } } });
  const authorIds = revisions.flatMap((r) => (r.submission ? [r.submission.authorId] : []));
  const [names, badges] = await Promise.all([findDisplayNames([...revisions.map((r) => r.actorId), ...authorIds]), findVerifiedBadges(authorIds)]);
  const authorOf = (authorId: string | undefined) =>
    authorId ? { name: nameOf(names, authorId), badges: (badges.get(authorId) ?? []).map(badgeLabel), profileHref: names.get(authorId)?.profileHref ?? null } : null;
  const numberById = new Map(revisions.map((r) => [r.id, r.number]));
  return revisions.map((revision) => {
    const isNarrative = revision.field === "NARRATIVE";
    if (revision.field === "OFFICIAL_DATA") {
      return {
        id: revision.id,
        number: revision.number,
        kind: revision.kind,
        field: revision.field,
        fieldLabel: FIELD_LABELS.OFFICIAL_DATA,
        itemKey: revision.itemKey,
        actorName: "the official data import",
        author: null,
        createdAt: revision.createdAt,
        submissionId: null,
        restoredFromNumber: null,
        beforeText: "",
        afterText: releaseRevisionText(revision.after),
        beforeOfficial: true,
        afterOfficial: true,
      };
    }
    const before = parseFieldState(revision.field, revision.before);
    const after = parseFieldState(revision.field, revision.after);
    return {
      id: revision.id,
      number: revision.number,
      kind: revision.kind,
      field: revision.field,
      fieldLabel: FIELD_LABELS[revision.field],
      itemKey: revision.itemKey,
      actorName: nameOf(names, revision.actorId),
      author: authorOf(revision.submission?.authorId),
      createdAt: revision.createdAt,
      submissionId: revision.submissionId,
      restoredFromNumber: revision.restoredFromId ? (numberById.get(revision.restoredFromId) ?? null) : null,
      beforeText: isNarrative ? "" : valueToText(before.value),
      afterText: isNarrative ? "Narrative published" : valueToText(after.value),
      beforeOfficial: !isNarrative && before.official,
      afterOfficial: !isNarrative && after.official,
    };
  });
}
