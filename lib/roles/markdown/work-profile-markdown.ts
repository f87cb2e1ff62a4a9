import type { WorkProfileList } from "../role-page.types";
import { workProfileScaleNote, workProfileValue } from "../role-sentences";
import { escapeMarkdown as escape, type MarkdownDocument } from "./markdown-document";

type WorkProfileKind = "workStyles" | "workValues" | "workContext";

/** Work styles and work values, each highest first with O*NET's description; or the sentence saying why not. */
export function writeWorkStylesMarkdown(doc: MarkdownDocument) {
  doc.heading(3, "Work styles");
  writeList(doc, "workStyles", doc.page.workStyles);
  doc.heading(3, "Work values");
  writeList(doc, "workValues", doc.page.workValues);
}

export function writeWorkContextMarkdown(doc: MarkdownDocument) {
  writeList(doc, "workContext", doc.page.workContext);
}

function writeList(doc: MarkdownDocument, kind: WorkProfileKind, list: WorkProfileList | null) {
  if (!list || list.items.length === 0) {
    doc.paragraph(doc.page.missing[kind] ?? "");
    return;
  }
  doc.paragraph(workProfileScaleNote(kind, list));
  for (const item of list.items) {
    doc.line(`- **${escape(item.name)}** (${escape(workProfileValue(item))})${item.description ? `: ${escape(item.description)}` : ""}`);
  }
  doc.line();
}
