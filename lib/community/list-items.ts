import { onetSocCodeAtLineStart } from "@/lib/validation/onet-soc-code";
import type { TCorrectionField } from "./fields";

// List fields as the correction form and the server both count them, without zod, so the form
// (a client component) can say what a proposal would remove before it is sent.

/**
 * A list correction that removes more than this share of the current items (and at least
 * `minItems` of them) needs its author's explicit "I mean to remove these N items".
 */
export const MASS_REMOVAL = { share: 0.5, minItems: 2 } as const;

/** The current list items a proposal leaves out (compared without case, as duplicates are). */
export function removedListItems(current: readonly string[], proposed: readonly string[]): string[] {
  const kept = new Set(proposed.map((item) => item.toLowerCase()));
  return current.filter((item) => !kept.has(item.toLowerCase()));
}

export function isMassRemoval(currentCount: number, removedCount: number): boolean {
  return removedCount >= MASS_REMOVAL.minItems && removedCount > currentCount * MASS_REMOVAL.share;
}

/**
 * A list typed one item per line: blank lines are not items; other lines are kept as typed
 * (the text rules clean them, and the author is told if that changed them). A related career's
 * line may carry the occupation's title after its code ("15-1299.05 Information Security Engineers").
 */
export function listItemsFromText(field: TCorrectionField, raw: string): string[] {
  const lines = raw.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (field === "RELATED_CAREERS") return lines.map((line) => onetSocCodeAtLineStart(line.trim()) ?? line.trim());
  return lines;
}
