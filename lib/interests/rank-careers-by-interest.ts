import type { RoleSummary } from "@/lib/roles/find-role-summaries";
import type { RiasecScores } from "./riasec";

export interface InterestMatch {
  role: RoleSummary;
  /** Pearson correlation of the reader's six area scores with the career's O*NET interest scores, −1 to 1. */
  match: number;
}

/**
 * Careers with O*NET interest scores, best match first (ties by title): the correlation of
 * the two six-area profiles, so what counts is which areas are high and low, not the scale
 * (the reader's 0–8 against O*NET's 1–7). Null when the reader's scores are all equal: then
 * no career fits better than another. `minPay` keeps careers whose median (the summaries' own:
 * a chosen state's, see withStatePay) is at least that many dollars a year.
 */
export function rankCareersByInterest(
  summaries: readonly RoleSummary[],
  scores: RiasecScores,
  filter: { zone?: number | undefined; minPay?: number | undefined } = {},
): InterestMatch[] | null {
  if (spread(scores) === 0) return null;
  const matches: InterestMatch[] = [];
  for (const role of summaries) {
    if (!role.interestScores || (filter.zone !== undefined && role.jobZone !== filter.zone)) continue;
    if (filter.minPay !== undefined && (role.medianAnnualWage === null || role.medianAnnualWage < filter.minPay)) continue;
    const match = correlation(scores, role.interestScores);
    if (match !== null) matches.push({ role, match });
  }
  return matches.sort((a, b) => b.match - a.match || a.role.title.localeCompare(b.role.title, "en"));
}

function mean(values: RiasecScores): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function spread(values: RiasecScores): number {
  const m = mean(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0);
}

function correlation(x: RiasecScores, y: RiasecScores): number | null {
  const mx = mean(x);
  const my = mean(y);
  const denominator = Math.sqrt(spread(x) * spread(y));
  if (denominator === 0) return null;
  return x.reduce((sum, value, index) => sum + (value - mx) * (y[index]! - my), 0) / denominator;
}
