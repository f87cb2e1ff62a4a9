import { BRIGHT_OUTLOOK_CRITERIA } from "../bright-outlook";
import { formatAnnual, formatChange, formatCount, formatHourly, formatRatio, formatThousands } from "../format-figures";
import { areaPayMedian, areaPayRange, payFigure } from "../pay-ladder";
import { basisLabel, basisSentence, PAY_LADDER_NOTE, stateWagesSentence } from "../role-sentences";
import { escapeMarkdown as escape, type MarkdownDocument } from "./markdown-document";

export function writePayMarkdown(doc: MarkdownDocument) {
  const { page } = doc;
  const wages = page.wages;
  const headline = page.shown.pay;
  if (!wages) {
    doc.paragraph(page.missing.wages!);
  } else {
    doc.paragraph(basisSentence(wages.basis));
    doc.line(`${headline ? `Median pay ${payFigure(headline.unit, headline.median)}, ${wages.source.referencePeriod}. ` : ""}Employment: ${formatCount(wages.employment)} (${wages.source.referencePeriod}).`);
    if (wages.previous && wages.previous.changePercent !== null) {
      doc.line(`Median in ${wages.previous.source.referencePeriod}: ${formatAnnual(wages.previous.annualMedian, wages.previous.medianTopCoded)} (${formatChange(wages.previous.changePercent)} in a year).`);
    }
    if (wages.hourlyOnly) doc.line("BLS publishes only hourly wages for this occupation.");
    if (wages.annualOnly) doc.line("BLS publishes only annual wages for this occupation (it is not usually paid by the hour).");
    doc.line();
    doc.heading(3, "Pay percentiles");
    doc.line("| Percentile | Annual | Hourly |");
    doc.line("| --- | ---: | ---: |");
    wages.annual.forEach((point, index) => {
      const hourly = wages.hourly[index]!;
      doc.line(`| ${point.percentile === 50 ? "Median (50th)" : `${point.percentile}th`} | ${formatAnnual(point.value, point.topCoded)} | ${formatHourly(hourly.value, hourly.topCoded)} |`);
    });
    doc.line();
    doc.paragraph(PAY_LADDER_NOTE);
  }
  writeStateWagesMarkdown(doc);
  const note = page.shown.payOutlookNote;
  if (note) {
    doc.heading(3, "Practitioners' note on pay and outlook");
    doc.paragraph(`${escape(typeof note.value === "string" ? note.value : "")}\n\n${doc.communityNote(note)}`);
  }
}

function writeStateWagesMarkdown(doc: MarkdownDocument) {
  const stateWages = doc.page.stateWages;
  if (!stateWages) return;
  for (const scope of ["states", "metros"] as const) {
    if (stateWages[scope].length === 0) continue;
    doc.heading(3, scope === "states" ? "Pay by state" : "Pay by metro area");
    doc.paragraph(stateWagesSentence(stateWages, doc.page.wages?.basis ?? null, scope));
    doc.line(`| ${scope === "states" ? "State" : "Metro area"} | Median (annual) | 10th–90th percentile | Employment | Jobs per 1,000 | Location quotient | Figure for |`);
    doc.line("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
    for (const row of stateWages[scope]) {
      const cells = [
        scope === "states" ? `${escape(row.name)} (${row.state})` : escape(row.name),
        areaPayMedian(row),
        areaPayRange(row),
        formatCount(row.employment),
        formatRatio(row.jobsPer1000),
        formatRatio(row.locationQuotient),
        basisLabel(row.basis),
      ];
      doc.line(`| ${cells.join(" | ")} |`);
    }
    doc.line();
  }
}

export function writeOutlookMarkdown(doc: MarkdownDocument) {
  const { page } = doc;
  const p = page.projection;
  if (!p) {
    doc.paragraph(page.missing.projection!);
    return;
  }
  doc.paragraph(basisSentence(p.basis));
  doc.line(`- Employment ${p.baseYear}: ${formatThousands(p.employmentBase)}`);
  doc.line(`- Projected employment ${p.projectedYear}: ${formatThousands(p.employmentProjected)}`);
  doc.line(`- Change ${p.baseYear}–${p.projectedYear}: ${formatChange(p.changePercent)}`);
  doc.line(`- Openings a year (average): ${formatThousands(p.annualOpenings)}`);
  doc.line(`- Bright Outlook: ${p.brightOutlook.bright ? "yes" : "no"}`);
  doc.line();
  doc.paragraph(
    `O*NET calls an occupation Bright Outlook when it is projected to grow faster than average (an employment increase of ${BRIGHT_OUTLOOK_CRITERIA.growthPercent}% or more over the projections period) or to have ${formatCount(BRIGHT_OUTLOOK_CRITERIA.openingsOverPeriod)} or more job openings over the period.`,
  );
}
