/**
 * O*NET's Bright Outlook criteria, computed from BLS Employment Projections Table 1.2.
 * An occupation qualifies when it is projected to grow faster than average or to have
 * 100,000 or more job openings over the projections period.
 *
 * The growth threshold is the one O*NET publishes with its criteria ("projected to grow
 * faster than average (employment increase of 5% or more)", O*NET OnLine's Bright Outlook
 * help as quoted for the 2019–2029 period; O*NET's older 2016–2026 list used 10%). O*NET
 * states the threshold per projections period: change it here when O*NET publishes another.
 * Unverified for 2024–34: O*NET Web Services' reference (v1.9, "Job Outlook") calls an
 * occupation "Average" when it is not Bright but projected to grow at least 5% over 2024–2034,
 * which suggests the Bright growth threshold of that period is above 5%; O*NET's own criteria
 * page for 2024–34 was not at hand to confirm the figure.
 */
export const BRIGHT_OUTLOOK_CRITERIA = {
  /** Employment increase over the period, percent, at or above which growth counts as faster than average. */
  growthPercent: 5,
  /** Job openings over the whole period (growth and replacement). */
  openingsOverPeriod: 100_000,
  source: "O*NET OnLine, Bright Outlook occupations (criteria)",
  sourceUrl: "https://www.onetonline.org/help/bright/",
} as const;

export interface BrightOutlook {
  bright: boolean;
  grows: boolean;
  manyOpenings: boolean;
  growthThresholdPercent: number;
  openingsThreshold: number;
  /** Openings over the whole period, from the annual average (in thousands) × years. */
  openingsOverPeriod: number | null;
  periodYears: number;
}

export function brightOutlook(options: {
  changePercent: number | null;
  /** Annual average openings, in thousands, as Table 1.2 publishes them. */
  annualOpeningsThousands: number | null;
  baseYear: number;
  projectedYear: number;
}): BrightOutlook {
  const periodYears = options.projectedYear - options.baseYear;
  const openingsOverPeriod = options.annualOpeningsThousands === null ? null : Math.round(options.annualOpeningsThousands * 1000 * periodYears);
  const grows = options.changePercent !== null && options.changePercent >= BRIGHT_OUTLOOK_CRITERIA.growthPercent;
  const manyOpenings = openingsOverPeriod !== null && openingsOverPeriod >= BRIGHT_OUTLOOK_CRITERIA.openingsOverPeriod;
  return {
    bright: grows || manyOpenings,
    grows,
    manyOpenings,
    growthThresholdPercent: BRIGHT_OUTLOOK_CRITERIA.growthPercent,
    openingsThreshold: BRIGHT_OUTLOOK_CRITERIA.openingsOverPeriod,
    openingsOverPeriod,
    periodYears,
  };
}
