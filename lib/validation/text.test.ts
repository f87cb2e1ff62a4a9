import { describe, expect, it } from "vitest";
import { cleanInlineText, cleanText, mixesScriptsInAWord, singleLineText } from "./text";

describe("cleanText", () => {
  it("normalises to NFC, so a decomposed é is stored like a typed one", () => {
    expect(cleanText("Caf\u0065\u0301", { multiline: false })).toBe("Caf\u00e9");
  });

  it("removes NUL, C0/C1 controls and bidi overrides, keeping tab and line feed in multi-line text", () => {
    expect(cleanText("a\u0000b\u0007c\u0085d\u202Ee\u2066f\u2069", { multiline: false })).toBe("abcdef");
    expect(cleanText("line one\r\nline\ttwo\rthree", { multiline: true })).toBe("line one\nline\ttwo\nthree");
    // Right-to-left marks are kept: RTL writers need them.
    expect(cleanText("\u05E9\u05DC\u05D5\u05DD\u200F 42", { multiline: false })).toBe("\u05E9\u05DC\u05D5\u05DD\u200F 42");
  });

  it("trims white space and zero-width characters at the ends, so invisible-only text is empty", () => {
    expect(cleanText(" \u200B\uFEFF\u2060 \n\t ", { multiline: true })).toBe("");
    expect(cleanText("\u200BAda\u200D", { multiline: false })).toBe("Ada");
    // A zero-width joiner inside text stays (emoji sequences, Indic and Persian scripts).
    expect(cleanText("\u{1F469}\u200D\u{1F4BB}", { multiline: false })).toBe("\u{1F469}\u200D\u{1F4BB}");
  });

  it("folds line breaks and runs of spaces into one space in single-line text", () => {
    expect(singleLineText().parse("Senior\n\n  widget\tengineer")).toBe("Senior widget engineer");
  });

  it("keeps the edges of inline rich-text pieces", () => {
    expect(cleanInlineText(" bold\u0000 ")).toBe(" bold ");
  });
});

describe("mixesScriptsInAWord", () => {
  it("flags a Cyrillic letter inside a Latin word, not words each in one alphabet", () => {
    expect(mixesScriptsInAWord("M\u043Ederator")).toBe(true);
    expect(mixesScriptsInAWord("\u0410\u043D\u043D\u0430 Smith")).toBe(false);
    expect(mixesScriptsInAWord("Jean-Luc O'Neill")).toBe(false);
  });
});
