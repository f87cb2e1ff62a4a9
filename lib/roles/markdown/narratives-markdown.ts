import { escapeMarkdown as escape, type MarkdownDocument } from "./markdown-document";

/** Every approved narrative in full, newest first, with its author; then the invitation to write one. */
export function writeNarrativesMarkdown(doc: MarkdownDocument) {
  const { page } = doc;
  if (page.missing.narratives) doc.paragraph(page.missing.narratives);
  for (const narrative of page.narratives) {
    const author = `${escape(narrative.author.name)}${narrative.author.jobTitle ? `, ${escape(narrative.author.jobTitle)}` : ""}`;
    doc.heading(3, `${escape(narrative.title)}, by ${author}`);
    if (narrative.author.badges.length) doc.paragraph(narrative.author.badges.map((badge) => `**${escape(badge)}**`).join(" · "));
    doc.paragraph(`_Published ${narrative.publishedAt.slice(0, 10)}: ${doc.absolute(narrative.href)}_`);
    if (narrative.text) doc.paragraph(escape(narrative.text));
    for (const answer of narrative.answers) doc.paragraph(`**${escape(answer.prompt)}** ${escape(answer.text)}`);
  }
  doc.paragraph(`Work in this career? Share what the job is really like: ${doc.absolute(`/contribute/narrative?role=${encodeURIComponent(page.slug)}`)}`);
}
