// Reading the OEWS pay ladder (10th, 25th, 50th, 75th and 90th percentiles) of a role page:
// one lookup and one wording of the pay headline for the page, compare, the Markdown export
// and the JSON-LD.
import { formatAnnual, formatHourly } from "./format-figures";
import type { PayHeadline, PayPoint, RoleAreaWage } from "./role-page.types";

/** The ladder's point at one percentile (50 is the median); undefined when there is no ladder. */
export function payAt(ladder: readonly PayPoint[] | undefined, percentile: PayPoint["percentile"]): PayPoint | undefined {
  return ladder?.find((point) => point.percentile === percentile);
}

/** "$150,000 a year" or, where BLS publishes only hourly wages, "$23.97 an hour". */
export function payFigure(unit: PayHeadline["unit"], point: PayPoint | null | undefined): string {
  return unit === "annual" ? `${formatAnnual(point?.value ?? null, point?.topCoded)} a year` : `${formatHourly(point?.value ?? null, point?.topCoded)} an hour`;
}

/** The headline's 10th to 90th percentile: "$80,000 – ≥ $239,200". */
export function payRange(headline: PayHeadline): string {
  const format = headline.unit === "annual" ? formatAnnual : formatHourly;
  return `${format(headline.low?.value ?? null, headline.low?.topCoded)} – ${format(headline.high?.value ?? null, headline.high?.topCoded)}`;
}

/** A state's or metro area's annual median: "$128,750", "≥ $239,200" or "not published". */
export function areaPayMedian(area: RoleAreaWage): string {
  return formatAnnual(area.annualMedian, area.topCoded.includes("A_MEDIAN"));
}

/** A state's or metro area's annual 10th to 90th percentile: "$60,000 – not published". */
export function areaPayRange(area: RoleAreaWage): string {
  return `${formatAnnual(area.annualP10, area.topCoded.includes("A_PCT10"))} – ${formatAnnual(area.annualP90, area.topCoded.includes("A_PCT90"))}`;
}
