import type { RatingItem } from "../role-page.types";
import { escapeMarkdown as escape, type MarkdownDocument } from "./markdown-document";

/** Rating lists that have items; the empty ones said in one line. */
export function writeSkillsMarkdown(doc: MarkdownDocument) {
  const { ratings, missing } = doc.page;
  const list = (heading: string, items: RatingItem[], max = 5) => {
    if (items.length === 0) return;
    doc.heading(3, heading);
    for (const item of items) doc.line(`- ${escape(item.name)}${item.importance === null ? "" : ` (${item.importance.toFixed(2)} / ${max})`}`);
    doc.line();
  };
  if (missing.ratings) doc.paragraph(missing.ratings);
  list("Skills", ratings.skills);
  list("Knowledge", ratings.knowledge);
  list("Abilities", ratings.abilities);
  list("Work activities", ratings.workActivities);
  if (missing.interests) doc.paragraph(missing.interests);
  list("Interests", ratings.interests, 7);
}

/** Technology skills (the corrected list first when practitioners corrected any item, each of theirs marked, then O*NET's groups) and tools. */
export function writeTechnologyMarkdown(doc: MarkdownDocument) {
  const { page } = doc;
  const corrected = page.shown.technologySkills;
  if (page.missing.technology) doc.paragraph(page.missing.technology);
  if (corrected) {
    doc.heading(3, "Technology skills (corrected by practitioners)");
    for (const entry of corrected.items) doc.line(`- ${escape(entry.text)}${doc.itemNote(entry)}`);
    doc.line();
    if (corrected.correction) doc.paragraph(doc.communityNote(corrected.correction));
    else doc.removedItemsNote(corrected);
    if (page.technology.length > 0) doc.paragraph("The official technology skills, by category:");
  }
  for (const group of page.technology) {
    doc.heading(3, escape(group.commodityTitle));
    for (const item of group.items) {
      const marks = [item.hotTechnology ? "hot technology" : null, item.inDemand ? "in demand" : null].filter(Boolean);
      doc.line(`- ${escape(item.example)}${marks.length > 0 ? ` _(${marks.join(", ")})_` : ""}`);
    }
    doc.line();
  }
  if (page.tools.length > 0) {
    doc.heading(3, "Tools used");
    for (const group of page.tools) doc.line(`- ${escape(group.commodityTitle)}: ${group.items.map(escape).join(", ")}`);
    doc.line();
  } else if (page.missing.tools) {
    doc.paragraph(page.missing.tools);
  }
}
