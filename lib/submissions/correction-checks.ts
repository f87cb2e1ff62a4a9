import "server-only";
import type { TFieldValue } from "@/lib/community/fields";
import { storedFormNotice, type StoredFormNotice } from "@/lib/validation/text";

const LABELS = { proposedValue: "Your proposed value", rationale: "Why is this better?", sourceUrl: "Source link" } as const;

/** The typed strings of a correction form's raw input (anything else counts as nothing typed). */
function typedStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null) return [];
  const record = value as { text?: unknown; statement?: unknown; item?: unknown; items?: unknown };
  if (Array.isArray(record.items)) return record.items.filter((item): item is string => typeof item === "string");
  return typedStrings(record.text ?? record.statement ?? record.item);
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
