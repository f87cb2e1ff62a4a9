import { formatChange } from "../format-figures";
import { releaseNoticeSentences, successorsLead } from "../release-notice";
import { payFigure, payRange } from "../pay-ladder";
import { aiLevelSentence, basisLabel } from "../role-sentences";
import { escapeMarkdown as escape, type MarkdownDocument } from "./markdown-document";

/** Title, summary, codes, where the page sits, and the facts at a glance. */
export function writeHeaderMarkdown(doc: MarkdownDocument) {
  const { page } = doc;
  const { shown, missing } = page;
  doc.line(`# ${escape(page.title)}`);
  doc.line();
  if (page.summary) doc.paragraph(`> ${escape(page.summary)}`);
  for (const sentence of releaseNoticeSentences(page)) doc.paragraph(`> ${escape(sentence)}`);
  const lead = successorsLead(page);
  if (lead) doc.paragraph(`> ${escape(lead)} ${page.successors.map((role) => `[${escape(role.title)}](${doc.absolute(`/roles/${role.slug}`)}) (${role.code})`).join(", ")}`);
  doc.line(`- **O*NET-SOC code:** ${page.code}${page.socCode ? ` (SOC 2018 ${page.socCode})` : ""}`);
  doc.line(`- **Occupation group:** ${escape(page.group.name)} (${doc.absolute(`/roles?group=${page.group.code}`)})`);
  doc.line(`- **Canonical URL:** ${doc.url}`);
  const titles = shown.alsoKnownAs;
  const titleList = titles.items.map((entry) => `${escape(entry.text)}${doc.itemNote(entry)}`).join(", ");
  const removedTitles = titles.removed.length > 0 ? ` _Removed by practitioners: ${titles.removed.map((entry) => escape(entry.text)).join(", ")}._` : "";
  doc.line(`- **Also known as:** ${titles.items.length > 0 ? titleList : missing.alsoKnownAs}${titles.correction ? ` ${doc.communityNote(titles.correction)}` : removedTitles}`);
  const pay = shown.pay;
  doc.line(
    `- **Median pay:** ${pay ? `${payFigure(pay.unit, pay.median)} (10th–90th percentile ${payRange(pay)})${page.wages!.basis.kind !== "own" ? `, ${basisLabel(page.wages!.basis)} figure` : ""}` : "not published"}`,
  );
  doc.line(`- **Typical entry education:** ${page.projection?.entryEducation ?? "not published"}`);
  doc.line(`- **Training time:** ${page.jobZone ? `job zone ${page.jobZone.zone} of 5 (${page.jobZone.name})` : "not rated"}`);
  doc.line(`- **Projected growth:** ${page.projection ? `${formatChange(page.projection.changePercent)} (${page.projection.baseYear}–${page.projection.projectedYear})` : "not published"}`);
  doc.line(`- **AI exposure:** ${page.aiLevel ? aiLevelSentence(page.aiLevel) : "no index value"}`);
  doc.line(`- **Data as of:** ${page.dataAsOf ?? "unknown"}${page.community.lastEditedAt ? `; last edited ${page.community.lastEditedAt.slice(0, 10)} (revision ${page.community.latestRevision})` : ""}`);
  doc.line();
}
