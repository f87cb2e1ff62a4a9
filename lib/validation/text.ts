import { z } from "zod";

/**
 * The rules for text people type, shared by every input schema (universal: the forms and
 * the server use the same ones). Cleaning happens before the length and "required" checks:
 *
 * 1. Unicode NFC, so the same words are stored as the same code points and compare equal.
 * 2. Characters nobody can see or fix are removed: NUL and the other C0 and C1 control
 *    characters (multi-line text keeps tab and line feed; CRLF and CR become LF), and the
 *    bidirectional embedding, override and isolate controls U+202A–U+202E and U+2066–U+2069,
 *    which can make text read backwards ("Trojan source"). The marks LRM, RLM and ALM stay:
 *    right-to-left writers need them.
 * 3. Trimmed of white space and of zero-width characters (U+200B–U+200D, U+2060, U+FEFF) at
 *    either end, so text made only of spaces or invisible characters counts as empty and gets
 *    the field's "cannot be empty" message. Zero-width joiners inside text stay (scripts and
 *    emoji use them).
 * 4. Single-line text also turns any run of white space, line breaks included, into one space.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

export function cleanText(text: string, { multiline }: { multiline: boolean }): string {
  const normalised = text.normalize("NFC").replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "");
  const spaced = multiline ? normalised : normalised.replace(/\s+/g, " ");
  return spaced.replace(EDGE_SPACE, "");
}

/** Inline text that must keep its edges (a piece of a rich-text paragraph): steps 1 and 2 only. */
export function cleanInlineText(text: string): string {
  return text.normalize("NFC").replace(/[\r\n\t]/g, " ").replace(CONTROL_CHARACTERS, "");
}

/** A one-line field (names, titles, list items, an email address), cleaned; add .min/.max with `.pipe`. */
export function singleLineText() {
  return z.string().transform((text) => cleanText(text, { multiline: false }));
}

/** A text area (explanations, messages, a bio), cleaned; add .min/.max with `.pipe`. */
export function multiLineText() {
  return z.string().transform((text) => cleanText(text, { multiline: true }));
}

const CONFUSABLE_SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

/**
 * True when one word mixes Latin, Cyrillic or Greek letters, as in "Mоderator" with a
 * Cyrillic "о": the classic way to pass for someone else. Whole words in one alphabet each
 * ("Анна Smith") are fine.
 */
export function mixesScriptsInAWord(text: string): boolean {
  return text.split(/[\s\p{P}]+/u).some((word) => CONFUSABLE_SCRIPTS.filter((script) => script.test(word)).length > 1);
}
