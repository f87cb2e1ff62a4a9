import "server-only";
import type { TFieldValue } from "@/lib/community/fields";
import { isMassRemoval, removedListItems } from "@/lib/community/list-items";
import { AppError } from "@/lib/errors";
import { storedFormNotice, type StoredFormNotice } from "@/lib/validation/text";

/**
 * A list proposal that leaves out most of the current items (lib/community/fields.ts
 * MASS_REMOVAL) needs the author's explicit "I mean to remove these N items", with N the
 * number it really removes; otherwise it is refused with a message saying so.
 */
export function assertRemovalsConfirmed(current: TFieldValue | null, proposed: TFieldValue | null, confirmRemovals: number | undefined) {
  if (!current || !proposed || !("items" in current) || !("items" in proposed)) return;
  const removed = removedListItems(current.items, proposed.items);
  if (!isMassRemoval(current.items.length, removed.length) || confirmRemovals === removed.length) return;
  const message = `This removes ${removed.length} of the ${current.items.length} items on the page (${removed.join(", ")}). If you mean to, tick “I mean to remove these ${removed.length} items” and send it again.`;
  throw new AppError("INVALID_INPUT", message, { confirmRemovals: [message] });
}

const LABELS = { proposedValue: "Your proposed value", rationale: "Why is this better?", sourceUrl: "Source link" } as const;

/** The typed strings of a correction form's raw input (anything else counts as nothing typed). */
function typedStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null) return [];
  const record = value as { text?: unknown; statement?: unknown; items?: unknown };
  if (Array.isArray(record.items)) return record.items.filter((item): item is string => typeof item === "string");
  return typedStrings(record.text ?? record.statement);
}

/**
 * Which fields of a correction were stored differently from how they were typed (the text
 * rules' own report), with their stored form: the confirmation shows them.
 */
export function correctionStoredNotices(
  input: unknown,
  data: { rationale: string; sourceUrl?: string; proposedValue: TFieldValue | null },
): StoredFormNotice[] {
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const proposedTyped = typedStrings(raw.proposedValue);
  const proposedStored = typedStrings(data.proposedValue);
  const multiline = typeof raw.proposedValue === "object" && raw.proposedValue !== null && "text" in raw.proposedValue;
  const notices = [
    storedFormNotice("proposedValue", LABELS.proposedValue, proposedTyped, proposedStored, { multiline }),
    storedFormNotice("rationale", LABELS.rationale, typedStrings(raw.rationale), [data.rationale], { multiline: true }),
  ];
  if (typeof raw.sourceUrl === "string" && data.sourceUrl !== undefined && raw.sourceUrl !== data.sourceUrl) {
    notices.push({ field: "sourceUrl", label: LABELS.sourceUrl, stored: data.sourceUrl, changes: ["spaces at the start or end were removed"] });
  }
  return notices.filter((notice): notice is StoredFormNotice => notice !== null);
}
