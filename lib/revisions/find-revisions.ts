import "server-only";
import { FIELD_LABELS, valueToText } from "@/lib/community/fields";
import { findDisplayNames, nameOf } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import type { CommunityField, RevisionKind } from "@/lib/generated/prisma/enums";
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
  const revisions = await prisma.revision.findMany({ where: { occupationCode }, orderBy: { number: "desc" } });
  const names = await findDisplayNames(revisions.map((r) => r.actorId));
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
