// The text rules themselves, without zod, so client components (forms that count list items,
// the stored-form notice) can use them without bundling a schema library. lib/validation/text.ts
// explains the rules and builds the schemas on top of these.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
/** Half of a surrogate pair: not a character, and PostgreSQL refuses it in JSON. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const BROKEN_CHARACTER_MESSAGE = "This text holds a broken character (half of a surrogate pair) that cannot be stored. Please type it again.";

/** What a rule changed in a piece of text, in words the author understands. */
export const TEXT_CHANGES = {
  normalised: "accented letters were stored in their composed form (Unicode NFC)",
  controlRemoved: "invisible control or text-direction characters were removed",
  trimmed: "spaces and invisible characters at the start or end were removed",
  folded: "line breaks and repeated spaces were joined into single spaces",
} as const;
export type TTextChange = keyof typeof TEXT_CHANGES;

/**
 * The rules, step by step, saying which of them changed the text: the one implementation of
 * cleaning (cleanText and cleanInlineText are this without the report), so what a form tells
 * its author about the stored form is exactly what was done.
 */
export function cleanTextReporting(text: string, { multiline, keepEdges = false }: { multiline: boolean; keepEdges?: boolean }): { text: string; changes: TTextChange[] } {
  const changes: TTextChange[] = [];
  const step = (change: TTextChange, before: string, after: string) => {
    if (after !== before && !changes.includes(change)) changes.push(change);
    return after;
  };
  let current = step("normalised", text, text.normalize("NFC"));
  // Line endings are the browser's business (a text area sends CRLF): not a change worth a word.
  current = current.replace(/\r\n?/g, "\n");
  current = step("controlRemoved", current, current.replace(CONTROL_CHARACTERS, ""));
  if (keepEdges) return { text: step("folded", current, current.replace(/[\n\t]/g, " ")), changes };
  if (!multiline) current = step("folded", current, current.replace(/\s+/g, " "));
  current = step("trimmed", current, current.replace(EDGE_SPACE, ""));
  return { text: current, changes };
}

export function cleanText(text: string, { multiline }: { multiline: boolean }): string {
  return cleanTextReporting(text, { multiline }).text;
}

/** Inline text that must keep its edges (a piece of a rich-text paragraph): steps 1 and 2 only. */
export function cleanInlineText(text: string): string {
  return cleanTextReporting(text, { multiline: false, keepEdges: true }).text;
}

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** What the form tells its author when a field was stored differently from how it was typed. */
export interface StoredFormNotice {
  /** The form field (as the form names it). */
  field: string;
  /** The field's label, for the message. */
  label: string;
  /** The text as stored. */
  stored: string;
  /** What changed it, in words. */
  changes: string[];
}

/**
 * A notice when `typed` is not stored as typed: the rules' own report of what they changed,
 * or null when the stored text is the typed text (CRLF line endings aside).
 */
export function storedFormNotice(field: string, label: string, typed: readonly string[], stored: readonly string[], { multiline, keepEdges = false }: { multiline: boolean; keepEdges?: boolean }): StoredFormNotice | null {
  const changes = new Set<TTextChange>();
  for (const piece of typed) for (const change of cleanTextReporting(piece, { multiline, keepEdges }).changes) changes.add(change);
  if (changes.size === 0) return null;
  return { field, label, stored: stored.join(keepEdges ? "" : "\n"), changes: [...changes].map((change) => TEXT_CHANGES[change]) };
}

