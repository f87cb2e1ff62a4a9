import { formatAnnual } from "../format-figures";
import { basisLabel } from "../role-sentences";
import { escapeMarkdown as escape, type MarkdownDocument } from "./markdown-document";

/** Related careers as shown (each practitioners added marked; a whole-list correction with O*NET's list in the note). */
export function writeRelatedMarkdown(doc: MarkdownDocument) {
  const { page } = doc;
  const related = page.shown.related;
  if (page.missing.related) doc.paragraph(page.missing.related);
  related.value.forEach((role, index) => {
    const pay = role.medianAnnual !== null || role.medianTopCoded ? `: median ${formatAnnual(role.medianAnnual, role.medianTopCoded)} a year${role.basis && role.basis.kind !== "own" ? ` (${basisLabel(role.basis)} figure)` : ""}` : ` (${role.code})`;
    const entry = related.items[index];
    doc.line(`- [${escape(role.title)}](${doc.absolute(`/roles/${role.slug}`)})${pay}${entry ? doc.itemNote(entry) : ""}`);
  });
  doc.line();
  if (related.correction) doc.paragraph(doc.communityNote(related.correction, page.related.map((role) => `${escape(role.title)} (${role.code})`).join(", ")));
  else doc.removedItemsNote(related);
}

export function writeSourcesMarkdown(doc: MarkdownDocument) {
  for (const release of doc.page.sources) {
    doc.line(`- **${escape(release.name)}** (${release.version}; ${release.referencePeriod}): ${escape(release.publisher)}. Licence: ${release.license}. ${release.sourceUrl}`);
  }
  doc.line();
}
