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
 *
 * Text holding half of a surrogate pair is refused (it is not text, and PostgreSQL's JSON refuses
 * it). Each rule reports whether it changed the input (cleanTextReporting), so a form can tell
 * its author when the stored form differs from what they typed and show it (storedFormNotice).
 */
import { BROKEN_CHARACTER_MESSAGE, cleanText, hasLoneSurrogate } from "./clean-text";

export { BROKEN_CHARACTER_MESSAGE, TEXT_CHANGES, cleanInlineText, cleanText, cleanTextReporting, hasLoneSurrogate, storedFormNotice, type StoredFormNotice, type TTextChange } from "./clean-text";

/** A string the rules can clean: a broken surrogate is refused with the field's message, never stored or sent to PostgreSQL. */
export function typedText() {
  return z.string().refine((text) => !hasLoneSurrogate(text), { message: BROKEN_CHARACTER_MESSAGE, abort: true });
}

/** A one-line field (names, titles, list items, an email address), cleaned; add .min/.max with `.pipe`. */
export function singleLineText() {
  return typedText().transform((text) => cleanText(text, { multiline: false }));
}

/** A text area (explanations, messages, a bio), cleaned; add .min/.max with `.pipe`. */
export function multiLineText() {
  return typedText().transform((text) => cleanText(text, { multiline: true }));
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
