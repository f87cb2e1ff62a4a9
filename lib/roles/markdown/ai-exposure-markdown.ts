import { formatIndexValue, formatPercentile } from "../format-figures";
import { AI_FRAME, aiLevelSentence, predecessorSentence } from "../role-sentences";
import type { MarkdownDocument } from "./markdown-document";

/** The level in plain words first, then each index with its technical name. */
export function writeAiExposureMarkdown(doc: MarkdownDocument) {
  const { page } = doc;
  doc.paragraph(page.aiLevel ? `**${aiLevelSentence(page.aiLevel)}**` : page.missing.aiLevel!);
  doc.paragraph(AI_FRAME);
  if (page.aiLevel) doc.paragraph(`The level is the mean percentile (${formatPercentile(page.aiLevel.meanPercentile)}) of the ${page.aiLevel.indexCount} indices with a value:`);
  if (page.missing.aiIndices) doc.paragraph(page.missing.aiIndices);
  for (const index of page.aiExposure) {
    if (index.value === null) {
      doc.line(`- **${index.label}:** ${index.label} (${index.source.version}) has no value for this occupation. ${index.measures}`);
    } else {
      const predecessors = predecessorSentence(index.predecessorCodes, index.code);
      doc.line(`- **${index.label}:** ${formatIndexValue(index.value)}, ${formatPercentile(index.percentile)} percentile. ${index.measures}${predecessors ? ` ${predecessors}` : ""}`);
    }
  }
  doc.line();
}
