import { FIELD_LABELS, valueToText } from "@/lib/community/fields";
import type { CommunityField, RevisionKind } from "@/lib/generated/prisma/enums";
import { parseFieldState } from "./page-state";
import { releaseRevisionText } from "./release-revision-text";
import { REVISION_KIND_LABELS } from "./revision-kind-label";

/**
 * One revision of a page in a sentence, as /changes, the feeds and watchers' notifications
 * say it; a change that is not a plain approval says what it was first.
 */
export function summarizeRevision({ kind, field, after }: { kind: RevisionKind; field: CommunityField; after: unknown }): string {
  if (field === "OFFICIAL_DATA") return releaseRevisionText(after);
  const state = parseFieldState(field, after);
  const label = FIELD_LABELS[field];
  const summary =
    kind === "REPORT"
      ? "A practitioner narrative was reported by a reader and is hidden until a moderator reviews it again."
      : kind === "WITHDRAWAL"
        ? "A practitioner narrative was withdrawn by its author."
        : field === "NARRATIVE"
          ? "A practitioner narrative was published."
          : state.official
            ? `${label}: back to the official value.`
            : state.value === null
              ? `${label}: removed.`
              : `${label}: ${truncate(valueToText(state.value).replace(/\n/g, "; "), 200)}`;
  return kind === "ROLLBACK" || kind === "CONFLICT_RESOLUTION" ? `${REVISION_KIND_LABELS[kind]}. ${summary}` : summary;
}

function truncate(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
