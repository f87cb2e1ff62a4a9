import type { RevisionKind } from "@/lib/generated/prisma/enums";

/** What each kind of revision is called wherever history is shown (a page's history, /changes and its feed); a new kind fails the typecheck until it is named here. */
export const REVISION_KIND_LABELS: Record<RevisionKind, string> = {
  APPROVAL: "Approved",
  ROLLBACK: "Rollback",
  REPORT: "Reported, hidden until reviewed again",
  WITHDRAWAL: "Withdrawn by its author",
  RELEASE: "New official release",
  CONFLICT_RESOLUTION: "Release conflict resolved",
};
