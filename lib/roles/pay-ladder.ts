// Reading the OEWS pay ladder (10th, 25th, 50th, 75th and 90th percentiles) of a role page:
// one lookup for the page, compare, the Markdown export and the JSON-LD.
import { formatAnnual } from "./format-figures";
import type { PayPoint } from "./role-page.types";

/** The ladder's point at one percentile (50 is the median); undefined when there is no ladder. */
export function payAt(ladder: readonly PayPoint[] | undefined, percentile: PayPoint["percentile"]): PayPoint | undefined {
  return ladder?.find((point) => point.percentile === percentile);
}

/** The annual 10th to 90th percentile: "$45,000 – $120,000" (a missing end reads "not published"). */
export function formatAnnualRange(ladder: readonly PayPoint[] | undefined): string {
  const low = payAt(ladder, 10);
  const high = payAt(ladder, 90);
  return `${formatAnnual(low?.value ?? null, low?.topCoded)} – ${formatAnnual(high?.value ?? null, high?.topCoded)}`;
}
