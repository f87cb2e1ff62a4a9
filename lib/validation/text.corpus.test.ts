// A corpus of naughty strings through the text rules: each is either stored exactly as typed
// (line endings aside), or the rules report that they changed it (so the form tells its
// author and shows the stored form), or it is refused with the field's message. Never a
// silent change, never a character PostgreSQL refuses.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BROKEN_CHARACTER_MESSAGE, cleanTextReporting, multiLineText, singleLineText } from "./text";

const SPECIAL = [
  // every C0 and C1 control, DEL
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  "\u007F",
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i)),
  // bidi embeddings, overrides, isolates, and the marks that stay
  "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C",
  // zero-width and other invisible characters
  "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u180E",
  // white space of every width
  " ", "  ", "\u00A0", "\u1680", "\u2000", "\u2003", "\u2009", "\u200A", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000",
  // combining marks (decomposed letters), precomposed letters, compatibility forms
  "e\u0301", "\u00E9", "A\u030A", "\u212B", "\uFB01", "\u2460", "\u1E9B\u0323", "\uAC00", "\u1100\u1161",
  // astral characters, emoji sequences, flags, skin tones
  "\u{1F469}\u200D\u{1F4BB}", "\u{1F1FA}\u{1F1F8}", "\u{1F44D}\u{1F3FD}", "\u{1D573}", "\u{20BB7}",
  // right-to-left and other scripts
  "\u05E9\u05DC\u05D5\u05DD", "\u0645\u0631\u062D\u0628\u0627", "\u0928\u092E\u0938\u094D\u0924\u0947", "\u4F60\u597D",
  // lone surrogates (refused)
  "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "a\uD83D",
  // markup, SQL, format strings, path tricks
  "<script>alert(1)</script>", "' OR 1=1 --", "%s%n%x", "../../etc/passwd", "${7*7}", "{{7*7}}", "\\u0000", "null", "undefined", "NaN",
];
const BASES = ["Widget", "two words", "line one\nline two", "tab\there"];

function corpus(): string[] {
  const strings = new Set<string>(SPECIAL);
  for (const special of SPECIAL) {
    for (const base of BASES) {
      strings.add(`${special}${base}`);
      strings.add(`${base}${special}`);
      strings.add(`${base.slice(0, 3)}${special}${base.slice(3)}`);
      strings.add(`${special}${base}${special}`);
    }
  }
  for (const a of SPECIAL.slice(64, 100)) for (const b of SPECIAL.slice(100)) strings.add(`${a}x${b}`);
  return [...strings];
}

const BROKEN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe("the text rules over a corpus of naughty strings", () => {
  const strings = corpus();

  it("has a corpus worth the name", () => {
    expect(strings.length).toBeGreaterThan(2500);
  });

  for (const [mode, schema, options] of [
    ["single-line", singleLineText(), { multiline: false }],
    ["multi-line", multiLineText(), { multiline: true }],
  ] as const) {
    it(`${mode}: each string is stored as typed, reported as changed, or refused with the field's message`, () => {
      const counts = { asTyped: 0, reported: 0, refused: 0 };
      for (const typed of strings) {
        const parsed = z.object({ field: schema }).safeParse({ field: typed });
        if (BROKEN.test(typed)) {
          expect(parsed.success, JSON.stringify(typed)).toBe(false);
          expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["field", BROKEN_CHARACTER_MESSAGE]]);
          counts.refused++;
          continue;
        }
        expect(parsed.success, JSON.stringify(typed)).toBe(true);
        const stored = parsed.data!.field;
        const report = cleanTextReporting(typed, options);
        expect(report.text).toBe(stored);
        if (report.changes.length === 0) {
          expect(stored, JSON.stringify(typed)).toBe(typed.replace(/\r\n?/g, "\n"));
          counts.asTyped++;
        } else {
          expect(stored, JSON.stringify(typed)).not.toBe(typed.replace(/\r\n?/g, "\n"));
          counts.reported++;
        }
        // What is stored is clean and stays as it is when cleaned again.
        expect(UNSTORED.test(stored), JSON.stringify(stored)).toBe(false);
        expect(stored.normalize("NFC")).toBe(stored);
        expect(cleanTextReporting(stored, options)).toEqual({ text: stored, changes: [] });
      }
      expect(counts.asTyped).toBeGreaterThan(100);
      expect(counts.reported).toBeGreaterThan(100);
      expect(counts.refused).toBeGreaterThan(10);
    });
  }

  it("inline rich-text pieces keep their edges and report what changed", () => {
    for (const typed of strings.filter((s) => !BROKEN.test(s))) {
      const report = cleanTextReporting(typed, { multiline: false, keepEdges: true });
      const unchanged = report.text === typed.replace(/\r\n?/g, "\n");
      expect(report.changes.length === 0, JSON.stringify(typed)).toBe(unchanged);
    }
  });
});
