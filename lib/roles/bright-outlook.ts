/**
 * O*NET's Bright Outlook rule, computed from BLS Employment Projections (Table 1.2):
 * an occupation is Bright Outlook when it is projected to grow faster than average
 * ("Grow Rapidly") or to have 100,000 or more job openings over the projections period
 * ("Numerous Job Openings"). The growth threshold is stated by O*NET for each projections
 * period; it follows the Occupational Outlook Handbook's "faster than average".
 *
 * Thresholds found (with the `search` tool, 2026-11): 2016–26 "employment increase of 10%
 * or more" (onetcenter.org/initiatives.html); 2019–29 "employment increase of 5% or more"
 * (quoted from O*NET); 2024–34: no newer statement found, and total employment grows 3.1 %
 * (about as fast as 2019–29's 3.7 %), so 5 % is kept. Add a row when O*NET states a new one.
 *
 * Shared by the role page (the flag and both thresholds) and browse (the filter).
 */

/** Growth thresholds (percent over the period) by projections period, keyed "2024–34". */
export const FASTER_THAN_AVERAGE_PERCENT: Readonly<Record<string, number>> = {
  "2016–26": 10,
  "2019–29": 5,
  "2024–34": 5,
};

/** Openings over the whole period that count as "numerous" (O*NET: 100,000 or more). */
export const NUMEROUS_OPENINGS_OVER_PERIOD = 100_000;

export interface BrightOutlookInput {
  /** Table 1.2 "Employment change, percent". */
  changePercent: number | null;
  /** Table 1.2 "Occupational openings, annual average", in thousands as published. */
  annualOpeningsThousands: number | null;
  baseYear: number;
  projectedYear: number;
}

export interface BrightOutlook {
  bright: boolean;
  /** Projected to grow at least `growthThresholdPercent`. */
  rapidGrowth: boolean;
  /** At least `openingsThreshold` openings over the period. */
  numerousOpenings: boolean;
  /** e.g. "2024–34". */
  period: string;
  growthThresholdPercent: number;
  /** True when O*NET states no threshold for this period and the newest known one is used. */
  growthThresholdAssumed: boolean;
  openingsThreshold: number;
  /** Openings over the whole period (annual average × years), null when BLS gives none. */
  openingsOverPeriod: number | null;
}

export function projectionsPeriod(baseYear: number, projectedYear: number): string {
  return `${baseYear}–${String(projectedYear).slice(2)}`;
}

/** Whether a projection meets O*NET's Bright Outlook criteria, with the thresholds used. */
export function computeBrightOutlook(input: BrightOutlookInput): BrightOutlook {
  const period = projectionsPeriod(input.baseYear, input.projectedYear);
  const stated = FASTER_THAN_AVERAGE_PERCENT[period];
  const growthThresholdPercent = stated ?? newestThreshold();
  const years = Math.max(1, input.projectedYear - input.baseYear);
  // Round to whole openings: 10.0 thousand a year × 10 years must be exactly 100,000.
  const openingsOverPeriod = input.annualOpeningsThousands === null ? null : Math.round(input.annualOpeningsThousands * 1000 * years);
  const rapidGrowth = input.changePercent !== null && input.changePercent >= growthThresholdPercent;
  const numerousOpenings = openingsOverPeriod !== null && openingsOverPeriod >= NUMEROUS_OPENINGS_OVER_PERIOD;
  return {
    bright: rapidGrowth || numerousOpenings,
    rapidGrowth,
    numerousOpenings,
    period,
    growthThresholdPercent,
    growthThresholdAssumed: stated === undefined,
    openingsThreshold: NUMEROUS_OPENINGS_OVER_PERIOD,
    openingsOverPeriod,
  };
}

function newestThreshold(): number {
  const periods = Object.keys(FASTER_THAN_AVERAGE_PERCENT).sort();
  return FASTER_THAN_AVERAGE_PERCENT[periods[periods.length - 1]!]!;
}
