import { formatDollars, formatShare } from "../format-figures";
import { escapeMarkdown as escape, type MarkdownDocument } from "./markdown-document";

/** BLS entry requirements, the job zone (education as practitioners corrected it), education levels, cost and the video. */
export function writeEducationMarkdown(doc: MarkdownDocument) {
  const { page } = doc;
  const { missing } = page;
  if (page.projection) {
    doc.line(`- Typical entry education: ${page.projection.entryEducation ?? "not published"}`);
    doc.line(`- Work experience in a related occupation: ${page.projection.workExperience ?? "not published"}`);
    doc.line(`- On-the-job training: ${page.projection.onTheJobTraining ?? "not published"}`);
    doc.line();
  } else {
    doc.paragraph(missing.projection!);
  }
  const education = page.shown.education;
  if (page.jobZone) doc.line(`**${page.jobZone.name}** (zone ${page.jobZone.zone} of 5). ${education.correction ? "" : `${page.jobZone.education} `}${page.jobZone.training}`);
  else doc.line(missing.jobZone!);
  if (education.correction) {
    doc.line();
    doc.line(`Education: ${escape(education.value ?? "")} ${doc.communityNote(education.correction)}`);
  }
  doc.line();
  if (page.educationLevels.length > 0) {
    doc.paragraph("Required level of education, share of respondents (O*NET):");
    for (const level of page.educationLevels) doc.line(`- ${escape(level.label)}: ${formatShare(level.percent)}`);
    doc.line();
  } else {
    doc.paragraph(missing.educationLevels!);
  }
  doc.paragraph(page.educationCostNote);
  if (page.educationCost) {
    const cost = page.educationCost;
    doc.line("| Institutions | Tuition and fees, one year | With room and board, one year | With room and board, total |");
    doc.line("| --- | ---: | ---: | ---: |");
    for (const row of cost.rows) doc.line(`| ${row.label} | ${formatDollars(row.tuitionFees)} | ${formatDollars(row.total)} | ${formatDollars(row.total === null ? null : row.total * cost.years)} |`);
    doc.line();
  }
  if (page.video) {
    doc.paragraph(
      `Career video (CareerOneStop): ${page.video.pageUrl}${page.video.relatedOccupation ? ` (about a related career, ${escape(page.video.relatedOccupation.title)}; CareerOneStop has no video of this occupation's own)` : ""}`,
    );
  } else {
    doc.paragraph(missing.video!);
  }
}
