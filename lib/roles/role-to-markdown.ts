import { isAddedTaskKey, officialTaskKey } from "@/lib/community/fields";
import { releaseNoticeSentences, standsAloneAsTask } from "./release-notice";
import { AI_LEVEL_LABEL } from "./ai-exposure-level";
import { BRIGHT_OUTLOOK_CRITERIA } from "./bright-outlook";
import { formatAnnual, formatChange, formatCount, formatDollars, formatHourly, formatIndexValue, formatPercentile, formatShare, formatThousands } from "./format-figures";
import { formatAnnualRange, payAt } from "./pay-ladder";
import type { RatingItem, RoleCorrection, RoleCorrectionField, RolePage, SectionSource } from "./role-page.types";
import { AI_FRAME, basisLabel, basisSentence, missing, officialSourceLabel, PAY_LADDER_NOTE, predecessorSentence, sourceLine } from "./role-sentences";

/**
 * The whole role page as clean Markdown (for /roles/<slug>.md): the same sections, figures
 * and sentences as the HTML page, ending with a sources block. Practitioners' corrections
 * stand where their values live, each marked as community-contributed and followed by the
 * official value.
 */
export function roleToMarkdown(page: RolePage, options: { url: string }): string {
  const out: string[] = [];
  const line = (text = "") => out.push(text);
  const paragraph = (text: string) => out.push(text, "");
  const source = (...sources: (SectionSource | null | undefined)[]) => {
    const named = sources.filter((s): s is SectionSource => Boolean(s));
    const unique = [...new Map(named.map((s) => [`${s.dataset}|${s.version}`, s])).values()];
    if (unique.length > 0) paragraph(`_Source: ${unique.map(sourceLine).join("; ")}._`);
  };
  const corrected = (field: RoleCorrectionField, itemKey = "") => page.community.corrections.find((c) => c.field === field && c.itemKey === itemKey);
  const asText = (value: RoleCorrection["value"]) => (Array.isArray(value) ? value.map(escape).join(", ") : value === null ? "" : escape(value));
  /** "Community-contributed …; official value (O*NET Database 30.0): …", after a corrected value. */
  const communityNote = (correction: RoleCorrection, official = asText(correction.official)) =>
    `_Community-contributed: ${correction.removed ? "removed" : "corrected"} by practitioners (revision ${correction.revision}, ${new URL(correction.historyUrl, options.url).toString()}). Official value (${officialSourceLabel(page)}): ${official || "none"}.${correction.releaseConflict ? ` ${correction.releaseConflict.note}.` : ""}_`;

  line(`# ${escape(page.title)}`);
  line();
  if (page.summary) paragraph(`> ${escape(page.summary)}`);
  for (const sentence of releaseNoticeSentences(page)) paragraph(`> ${escape(sentence)}`);
  line(`- **O*NET-SOC code:** ${page.code}${page.socCode ? ` (SOC 2018 ${page.socCode})` : ""}`);
  line(`- **Canonical URL:** ${options.url}`);
  const titles = corrected("ALTERNATE_TITLES");
  if (titles) line(`- **Also known as:** ${asText(titles.value)} ${communityNote(titles)}`);
  else line(`- **Also known as:** ${page.alsoKnownAs.length > 0 ? page.alsoKnownAs.map(escape).join(", ") : missing.alsoKnownAs(page)}`);
  const median = payAt(page.wages?.annual, 50);
  line(
    `- **Median pay:** ${median ? `${formatAnnual(median.value, median.topCoded)} a year (10th–90th percentile ${formatAnnualRange(page.wages?.annual)})${page.wages!.basis.kind !== "own" ? `, ${basisLabel(page.wages!.basis)} figure` : ""}` : "not published"}`,
  );
  line(`- **Typical entry education:** ${page.projection?.entryEducation ?? "not published"}`);
  line(`- **Training time:** ${page.jobZone ? `job zone ${page.jobZone.zone} of 5 (${page.jobZone.name})` : "not rated"}`);
  line(`- **Projected growth:** ${page.projection ? `${formatChange(page.projection.changePercent)} (${page.projection.baseYear}–${page.projection.projectedYear})` : "not published"}`);
  line(`- **AI exposure:** ${page.aiLevel ? `${page.aiLevel.level} (${AI_LEVEL_LABEL})` : "no index value"}`);
  line();

  line("## Overview");
  line();
  const description = corrected("DESCRIPTION");
  if (description) paragraph(`${asText(description.value)}\n\n${communityNote(description)}`);
  else line(page.description ? escape(page.description) : missing.description(page));
  line();
  source(page.onet);

  line("## Key responsibilities");
  line();
  const addedTasks = page.community.corrections.filter(standsAloneAsTask);
  if (page.tasks.length === 0 && addedTasks.length === 0) paragraph(missing.tasks(page));
  const removedTasks = page.tasks.filter((t) => corrected("TASK", officialTaskKey(t.taskId))?.removed);
  const shownTasks = page.tasks.filter((t) => !corrected("TASK", officialTaskKey(t.taskId))?.removed);
  const groups = [
    ["Core tasks", shownTasks.filter((t) => t.taskType === "Core")],
    ["Supplemental tasks", shownTasks.filter((t) => t.taskType === "Supplemental")],
    ["Tasks", shownTasks.filter((t) => t.taskType !== "Core" && t.taskType !== "Supplemental")],
  ] as const;
  for (const [heading, tasks] of groups) {
    if (tasks.length === 0) continue;
    line(`### ${heading}`);
    line();
    for (const task of tasks) {
      const correction = corrected("TASK", officialTaskKey(task.taskId));
      line(correction ? `- ${asText(correction.value)} ${communityNote(correction)}` : `- ${escape(task.statement)}`);
    }
    line();
  }
  if (addedTasks.length > 0) {
    line("### Tasks added by practitioners");
    line();
    for (const task of addedTasks) line(`- ${asText(task.value)} ${communityNote(task, isAddedTaskKey(task.itemKey) ? "none (not an official task)" : "none (no longer in the current release)")}`);
    line();
  }
  if (removedTasks.length > 0) {
    line("### Official tasks removed by practitioners");
    line();
    for (const task of removedTasks) line(`- ~~${escape(task.statement)}~~ ${communityNote(corrected("TASK", officialTaskKey(task.taskId))!)}`);
    line();
  }
  source(page.onet);

  line("## Inside this career");
  line();
  if (page.narratives.length === 0) line("No one who does this work has described it here yet.");
  for (const narrative of page.narratives) line(`- [${escape(narrative.title)}](${narrative.href}) by ${escape(narrative.authorName)}`);
  line();
  line(`Work in this career? Share what the job is really like: ${new URL(`/contribute/narrative?role=${encodeURIComponent(page.slug)}`, options.url).toString()}`);
  line();

  line("## Pay");
  line();
  if (!page.wages) {
    line(missing.wages(page));
    line();
  } else {
    const wages = page.wages;
    line(basisSentence(wages.basis));
    line();
    line(`Employment: ${formatCount(wages.employment)} (${wages.source.referencePeriod}).`);
    if (wages.previous && wages.previous.changePercent !== null) {
      line(`Median in ${wages.previous.source.referencePeriod}: ${formatAnnual(wages.previous.annualMedian, wages.previous.medianTopCoded)} (${formatChange(wages.previous.changePercent)} in a year).`);
    }
    line();
    line("### Typical pay from entry to expert");
    line();
    line("| Percentile | Annual | Hourly |");
    line("| --- | ---: | ---: |");
    wages.annual.forEach((point, index) => {
      const hourly = wages.hourly[index]!;
      line(`| ${point.percentile === 50 ? "Median (50th)" : `${point.percentile}th`} | ${formatAnnual(point.value, point.topCoded)} | ${formatHourly(hourly.value, hourly.topCoded)} |`);
    });
    line();
    line(PAY_LADDER_NOTE);
    line();
    source(wages.source, wages.previous?.source);
  }
  const payNote = corrected("PAY_OUTLOOK_NOTE");
  if (payNote && !payNote.removed) {
    line("### Practitioners' note on pay and outlook");
    line();
    paragraph(`${asText(payNote.value)}\n\n${communityNote(payNote)}`);
  }

  line("## Outlook");
  line();
  if (!page.projection) {
    line(missing.projection(page));
    line();
  } else {
    const p = page.projection;
    line(basisSentence(p.basis));
    line();
    line(`- Employment ${p.baseYear}: ${formatThousands(p.employmentBase)}`);
    line(`- Projected employment ${p.projectedYear}: ${formatThousands(p.employmentProjected)}`);
    line(`- Change ${p.baseYear}–${p.projectedYear}: ${formatChange(p.changePercent)}`);
    line(`- Openings a year (average): ${formatThousands(p.annualOpenings)}`);
    line(`- Bright Outlook: ${p.brightOutlook.bright ? "yes" : "no"}`);
    line();
    line(
      `O*NET calls an occupation Bright Outlook when it is projected to grow faster than average (an employment increase of ${BRIGHT_OUTLOOK_CRITERIA.growthPercent}% or more over the projections period) or to have ${formatCount(BRIGHT_OUTLOOK_CRITERIA.openingsOverPeriod)} or more job openings over the period.`,
    );
    line();
    source(p.source);
  }

  line("## Education and training");
  line();
  if (page.projection) {
    line(`- Typical entry education: ${page.projection.entryEducation ?? "not published"}`);
    line(`- Work experience in a related occupation: ${page.projection.workExperience ?? "not published"}`);
    line(`- On-the-job training: ${page.projection.onTheJobTraining ?? "not published"}`);
  } else {
    line(missing.projection(page));
  }
  line();
  const education = corrected("EDUCATION");
  if (page.jobZone) {
    line(`**${page.jobZone.name}** (zone ${page.jobZone.zone} of 5). ${education ? "" : `${page.jobZone.education} `}${page.jobZone.training}`);
  } else {
    line(missing.jobZone(page));
  }
  if (education) {
    line();
    line(`Education: ${asText(education.value)} ${communityNote(education)}`);
  }
  line();
  if (page.educationLevels.length > 0) {
    line("Required level of education, share of respondents (O*NET):");
    line();
    for (const level of page.educationLevels) line(`- ${escape(level.label)}: ${formatShare(level.percent)}`);
  } else {
    line(missing.educationLevels(page));
  }
  line();
  line(page.educationCostNote);
  if (page.educationCost) {
    line();
    line("| Institutions | Tuition and fees, one year | With room and board, one year | With room and board, total |");
    line("| --- | ---: | ---: | ---: |");
    for (const row of page.educationCost.rows) {
      line(`| ${row.label} | ${formatDollars(row.tuitionFees)} | ${formatDollars(row.total)} | ${formatDollars(row.total === null ? null : row.total * page.educationCost.years)} |`);
    }
  }
  line();
  if (page.video) {
    line(
      `Career video (CareerOneStop): ${page.video.pageUrl}${page.video.relatedOccupation ? ` (about a related career, ${escape(page.video.relatedOccupation.title)}; CareerOneStop has no video of this occupation's own)` : ""}`,
    );
  } else {
    line(missing.video());
  }
  line();
  source(page.projection?.source, page.onet, page.educationCost?.source, page.video?.source);

  line("## AI exposure");
  line();
  line(AI_FRAME);
  line();
  line(page.aiLevel ? `Overall: **${page.aiLevel.level}** (mean percentile ${formatPercentile(page.aiLevel.meanPercentile)} of ${page.aiLevel.indexCount} indices).` : missing.aiLevel());
  line();
  for (const index of page.aiExposure) {
    if (index.value === null) {
      line(`- **${index.label}:** ${missing.aiIndex(index.label, index.source.version)} ${index.measures}`);
    } else {
      const predecessors = predecessorSentence(index.predecessorCodes, index.code);
      line(`- **${index.label}:** ${formatIndexValue(index.value)}, ${formatPercentile(index.percentile)} percentile. ${index.measures}${predecessors ? ` ${predecessors}` : ""}`);
    }
  }
  line();
  source(...page.aiExposure.filter((i) => i.value !== null).map((i) => i.source));

  line("## Skills, knowledge and abilities");
  line();
  const ratingList = (heading: string, items: RatingItem[], empty: string, max = 5) => {
    line(`### ${heading}`);
    line();
    if (items.length === 0) line(empty);
    for (const item of items) line(`- ${escape(item.name)}${item.importance === null ? "" : ` (${item.importance.toFixed(2)} / ${max})`}`);
    line();
  };
  ratingList("Skills", page.ratings.skills, missing.skills(page));
  ratingList("Knowledge", page.ratings.knowledge, missing.knowledge(page));
  ratingList("Abilities", page.ratings.abilities, missing.abilities(page));
  ratingList("Interests", page.ratings.interests, missing.interests(page), 7);
  source(page.onet);

  line("## Technology and tools");
  line();
  const technology = corrected("TECHNOLOGY_SKILLS");
  if (technology) {
    line("### Technology skills (corrected by practitioners)");
    line();
    for (const item of Array.isArray(technology.value) ? technology.value : []) line(`- ${escape(item)}`);
    line();
    paragraph(communityNote(technology));
  }
  if (page.technology.length === 0) paragraph(missing.technology(page));
  else if (technology) paragraph("The official technology skills, by category:");
  for (const group of page.technology) {
    line(`### ${escape(group.commodityTitle)}`);
    line();
    for (const item of group.items) {
      const marks = [item.hotTechnology ? "hot technology" : null, item.inDemand ? "in demand" : null].filter(Boolean);
      line(`- ${escape(item.example)}${marks.length > 0 ? ` _(${marks.join(", ")})_` : ""}`);
    }
    line();
  }
  line("### Tools used");
  line();
  if (page.tools.length === 0) line(missing.tools(page));
  for (const group of page.tools) line(`- ${escape(group.commodityTitle)}: ${group.items.map(escape).join(", ")}`);
  line();
  source(page.onet);

  line("## Related careers");
  line();
  const related = corrected("RELATED_CAREERS");
  if (related) {
    for (const role of related.roles ?? []) line(`- [${escape(role.title)}](${new URL(`/roles/${role.slug}`, options.url).toString()}) (${role.code})`);
    line();
    paragraph(communityNote(related, page.related.map((role) => `${escape(role.title)} (${role.code})`).join(", ")));
    if (page.related.length > 0) paragraph("The official related careers:");
  }
  if (page.related.length === 0) line(missing.related(page));
  for (const role of page.related) {
    line(
      `- [${escape(role.title)}](${new URL(`/roles/${role.slug}`, options.url).toString()}): median ${formatAnnual(role.medianAnnual, role.medianTopCoded)} a year${role.basis && role.basis.kind !== "own" ? ` (${basisLabel(role.basis)} figure)` : ""}`,
    );
  }
  line();

  line("## Sources");
  line();
  for (const release of page.sources) {
    line(`- **${escape(release.name)}** (${release.version}; ${release.referencePeriod}): ${escape(release.publisher)}. Licence: ${release.license}. ${release.sourceUrl}`);
  }
  line();
  line(`---`);
  line(`_Careerwiki, ${options.url}. Data as of ${page.dataAsOf ?? "unknown"}._`);
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}

/** Markdown-significant characters in data text are escaped so a title cannot become markup. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, "\\$1");
}
