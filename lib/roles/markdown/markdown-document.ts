import { officialSourceLabel, sourceLine } from "../role-sentences";
import type { RoleCorrection, RolePage, SectionSource, ShownItems, ShownListEntry } from "../role-page.types";

/**
 * A Markdown document being written from the one role view: lines, the sources line of a
 * section, absolute links and the note that follows a practitioner-corrected value. Each
 * section's writer (lib/roles/markdown/*-markdown.ts) only formats what the view says.
 */
export class MarkdownDocument {
  private readonly out: string[] = [];

  constructor(
    readonly page: RolePage,
    /** The page's canonical URL; other links are made absolute against it. */
    readonly url: string,
  ) {}

  line(text = "") {
    this.out.push(text);
  }

  paragraph(text: string) {
    this.out.push(text, "");
  }

  heading(level: 2 | 3, text: string) {
    this.out.push(`${"#".repeat(level)} ${text}`, "");
  }

  /** "_Source: O*NET Database, 29.3 (May 2025)._" */
  sources(sources: readonly SectionSource[]) {
    if (sources.length > 0) this.paragraph(`_Source: ${sources.map(sourceLine).join("; ")}._`);
  }

  absolute(path: string): string {
    return new URL(path, this.url).toString();
  }

  /** "_Community-contributed: corrected by practitioners (revision N, <history URL>). Official value (O*NET Database 30.0): …_" */
  communityNote(correction: RoleCorrection, official = correctionText(correction.official)): string {
    return `_Community-contributed: ${correction.removed ? "removed" : "corrected"} by practitioners (revision ${correction.revision}, ${this.absolute(correction.historyUrl)}). Official value (${officialSourceLabel(this.page)}): ${official || "none"}.${correction.releaseConflict ? ` ${correction.releaseConflict.note}.` : ""}_`;
  }

  /** After a list item practitioners added or reworded: " _(community: added by practitioners, revision N, <history URL>)_"; "" for an official item. */
  itemNote(entry: ShownListEntry): string {
    if (entry.origin !== "community" || !entry.correction) return "";
    const what = entry.official !== null && entry.official !== entry.text ? `reworded by practitioners; official: ${escapeMarkdown(entry.official)}` : "added by practitioners";
    const conflict = entry.correction.releaseConflict ? `; ${entry.correction.releaseConflict.note}` : "";
    return ` _(community: ${what}, revision ${entry.correction.revision}, ${this.absolute(entry.correction.historyUrl)}${conflict})_`;
  }

  /** "_Removed by practitioners: A (revision N), B (revision M)._" for the official items a list no longer shows. */
  removedItemsNote(list: ShownItems<unknown>) {
    if (list.removed.length === 0) return;
    this.paragraph(`_Removed by practitioners: ${list.removed.map((entry) => `${escapeMarkdown(entry.text)}${entry.correction ? ` (revision ${entry.correction.revision})` : ""}`).join(", ")}._`);
  }

  toString(): string {
    return `${this.out.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
  }
}

/** A corrected or official value as escaped Markdown text (a list joined with commas). */
function correctionText(value: RoleCorrection["value"]): string {
  return Array.isArray(value) ? value.map(escapeMarkdown).join(", ") : value === null ? "" : escapeMarkdown(value);
}

/** Markdown-significant characters in data text are escaped so a title cannot become markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, "\\$1");
}
