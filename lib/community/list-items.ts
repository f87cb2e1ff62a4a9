import { onetSocCodeAtLineStart } from "@/lib/validation/onet-soc-code";
import { LEGACY_LIST_KEY, officialListItemKey, type TCorrectionField } from "./fields";

// List fields (alternate titles, technology skills, related careers) are corrected item by
// item. Without zod or the database, so the role view, the correction form's context and the
// server all lay corrections over a list the same way.

/** A list item correction as the overlay reads it: its key, and its item (a list for a whole-list value, null when removed). */
export interface ListCorrection {
  itemKey: string;
  removed: boolean;
  value: string | string[] | null;
}

/** One item of a list as a page shows it. */
export interface ShownListItem<C extends ListCorrection> {
  /** `onet:<item>` for an official item, `new:<id>` for one practitioners added (lib/community/fields.ts). */
  key: string;
  /** The item as shown (an O*NET-SOC code for related careers). */
  text: string;
  /** The official item it stands for; null when practitioners added it. */
  official: string | null;
  /** The approved correction the item comes from; null for an official item as published. */
  correction: C | null;
}

export interface ShownList<C extends ListCorrection> {
  items: ShownListItem<C>[];
  /** Official items practitioners removed (each with the removal). */
  removed: ShownListItem<C>[];
}

/**
 * The list a page shows: the official items in their order, each reworded or removed by its
 * item correction, then the items practitioners added. Compatible reading rule for whole-list
 * corrections stored before item-by-item ones (item key ""): that list stands in for the
 * official one as it did (its items not in the official list count as added by it, official
 * items it left out as removed by it), and item corrections apply on top by key. An item
 * shown twice (compared without case) is shown once.
 */
export function applyListCorrections<C extends ListCorrection>(official: readonly string[], corrections: readonly C[]): ShownList<C> {
  const legacy = corrections.find((c) => c.itemKey === LEGACY_LIST_KEY && Array.isArray(c.value)) ?? null;
  const byKey = new Map(corrections.filter((c) => c.itemKey !== LEGACY_LIST_KEY).map((c) => [c.itemKey, c]));
  const officialByKey = new Map(official.map((item) => [officialListItemKey(item), item]));
  const base: ShownListItem<C>[] = legacy
    ? (legacy.value as string[]).map((text) => {
        const key = officialListItemKey(text);
        const officialItem = officialByKey.get(key) ?? null;
        return { key, text, official: officialItem, correction: officialItem === null ? legacy : null };
      })
    : official.map((text) => ({ key: officialListItemKey(text), text, official: text, correction: null }));
  const removed: ShownListItem<C>[] = [];
  if (legacy) {
    const kept = new Set(base.map((item) => item.key));
    for (const [key, text] of officialByKey) if (!kept.has(key)) removed.push({ key, text, official: text, correction: legacy });
  }
  const items: ShownListItem<C>[] = [];
  for (const item of base) {
    const correction = byKey.get(item.key);
    byKey.delete(item.key);
    if (!correction) items.push(item);
    else if (correction.removed || typeof correction.value !== "string") removed.push({ ...item, correction });
    else items.push({ ...item, text: correction.value, correction });
  }
  // Items practitioners added (and corrections of items a newer release dropped: they stay listed, flagged).
  for (const correction of byKey.values()) {
    if (correction.removed || typeof correction.value !== "string") continue;
    items.push({ key: correction.itemKey, text: correction.value, official: null, correction });
  }
  const seen = new Set<string>();
  return {
    items: items.filter((item) => {
      const text = item.text.toLowerCase();
      if (seen.has(text)) return false;
      seen.add(text);
      return true;
    }),
    removed,
  };
}

/**
 * One list item as typed: trimmed at the ends by the text rules; a related career's line may
 * carry the occupation's title after its code ("15-1299.05 Information Security Engineers").
 */
export function listItemFromText(field: TCorrectionField, raw: string): string {
  return field === "RELATED_CAREERS" ? (onetSocCodeAtLineStart(raw.trim()) ?? raw.trim()) : raw;
}

/**
 * A whole list typed one item per line (a moderator updating a whole-list correction a release
 * contradicted): blank lines are not items; other lines are read as `listItemFromText` reads one.
 */
export function listItemsFromText(field: TCorrectionField, raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => (field === "RELATED_CAREERS" ? listItemFromText(field, line) : line));
}
