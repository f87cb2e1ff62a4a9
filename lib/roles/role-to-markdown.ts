import { writeAiExposureMarkdown } from "./markdown/ai-exposure-markdown";
import { writeEducationMarkdown } from "./markdown/education-markdown";
import { writeHeaderMarkdown } from "./markdown/header-markdown";
import { MarkdownDocument } from "./markdown/markdown-document";
import { writeNarrativesMarkdown } from "./markdown/narratives-markdown";
import { writeOverviewMarkdown, writeTasksMarkdown } from "./markdown/overview-markdown";
import { writeOutlookMarkdown, writePayMarkdown } from "./markdown/pay-outlook-markdown";
import { writeRelatedMarkdown, writeSourcesMarkdown } from "./markdown/related-sources-markdown";
import { writeSkillsMarkdown, writeTechnologyMarkdown } from "./markdown/skills-technology-markdown";
import { writeWorkContextMarkdown, writeWorkStylesMarkdown } from "./markdown/work-profile-markdown";
import type { RolePage, RoleSectionId } from "./role-page.types";

const SECTION_WRITERS: Record<RoleSectionId, (doc: MarkdownDocument) => void> = {
  overview: writeOverviewMarkdown,
  tasks: writeTasksMarkdown,
  "inside-this-career": writeNarrativesMarkdown,
  pay: writePayMarkdown,
  outlook: writeOutlookMarkdown,
  education: writeEducationMarkdown,
  "ai-exposure": writeAiExposureMarkdown,
  skills: writeSkillsMarkdown,
  "work-styles": writeWorkStylesMarkdown,
  "work-context": writeWorkContextMarkdown,
  technology: writeTechnologyMarkdown,
  related: writeRelatedMarkdown,
  sources: writeSourcesMarkdown,
};

/**
 * The one role view as clean Markdown (for /roles/<slug>.md): the page's sections in its
 * order, each followed by the releases it draws on, ending with a sources block.
 * Practitioners' corrections stand where their values live, each marked as
 * community-contributed and followed by the official value; approved narratives in full.
 */
export function roleToMarkdown(page: RolePage, options: { url: string }): string {
  const doc = new MarkdownDocument(page, options.url);
  writeHeaderMarkdown(doc);
  for (const section of page.sections) {
    doc.heading(2, section.title);
    SECTION_WRITERS[section.id](doc);
    doc.sources(section.sources);
  }
  doc.line("---");
  doc.line(`_Careerwiki, ${options.url}. Data as of ${page.dataAsOf ?? "unknown"}._`);
  return doc.toString();
}
