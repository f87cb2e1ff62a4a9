import type { RoleSummary } from "@/lib/roles/find-role-summaries";
import type { TEarningsQuery } from "./compute-earnings.types";
import { EDUCATION_PLANS } from "./education-years";
import type { EducationCostTable } from "./find-education-cost-table";

/** Ages the view covers: study starts after high school, the chart ends at 65. */
export const START_AGE = 18;
export const END_AGE = 65;

export interface EarningsYear {
  age: number;
  /** Pay that year and education cost that year, in the year's dollars, discounted to today. */
  pay: number;
  cost: number;
  /** Earnings minus education cost, summed from START_AGE to this age. */
  cumulative: number;
}

export type BreakEven = { kind: "age"; age: number } | { kind: "no-cost" } | { kind: "not-by-end" };

export interface EarningsCareer {
  slug: string;
  title: string;
  code: string;
  entryEducation: string | null;
  jobZone: number | null;
  /** Years of full-time study before work (EDUCATION_PLANS), and the age work starts. */
  studyYears: number;
  workStartAge: number;
  /** Tuition and fees a year (NCES, the chosen sector and level), and for how many years. */
  costPerYear: number | null;
  costYears: number;
  costLevel: "2-year" | "4-year" | null;
  pay: { p25: number | null; median: number; p75: number | null };
  /** "range" only when both the 25th and the 75th percentile are published. */
  path: "median" | "range";
  notes: string[];
  years: EarningsYear[];
  breakEven: BreakEven;
}

export interface EarningsResult {
  careers: EarningsCareer[];
  /** Slugs no career has, and careers without a published median pay: named, never dropped silently. */
  unknown: string[];
  withoutPay: { slug: string; title: string }[];
}

/**
 * Cumulative earnings minus education cost by age, for up to three careers (pure: the
 * summaries and the NCES table come from the cache). Each year's figure in today's dollars
 * grows with inflation and is discounted back at the discount rate: × ((1 + i) / (1 + d))^t,
 * t = age − 18. An illustration built from BLS's pay distribution, not pay measured by years.
 */
export function computeEarnings(summaries: readonly RoleSummary[], costs: EducationCostTable | null, query: TEarningsQuery): EarningsResult {
  const bySlug = new Map(summaries.map((role) => [role.slug, role]));
  const result: EarningsResult = { careers: [], unknown: [], withoutPay: [] };
  for (const slug of query.roles) {
    const role = bySlug.get(slug);
    if (!role) result.unknown.push(slug);
    else if (role.medianAnnualWage === null) result.withoutPay.push({ slug, title: role.title });
    else result.careers.push(careerEarnings(role, role.medianAnnualWage, costs, query));
  }
  return result;
}

function careerEarnings(role: RoleSummary, median: number, costs: EducationCostTable | null, query: TEarningsQuery): EarningsCareer {
  const notes: string[] = [];
  const plan = role.entryEducation ? EDUCATION_PLANS[role.entryEducation] : undefined;
  if (!plan) notes.push("BLS gives no typical entry education for this career: work is taken to start at 18, with no education cost.");
  const studyYears = plan?.years ?? 0;
  const costLevel = plan?.costLevel ?? null;
  const costYears = plan?.costYears ?? 0;
  let costPerYear: number | null = null;
  if (costLevel) {
    costPerYear = costs?.tuitionFees[`${query.sector}|${costLevel}`] ?? null;
    if (costPerYear === null) notes.push(`NCES publishes no ${costLevel} tuition for this sector${costs ? "" : " (the table is not imported)"}: no education cost is counted.`);
  }
  if (studyYears > costYears) notes.push(`Graduate study (${studyYears - costYears} years) is not charged: the NCES table covers undergraduate tuition only, so the cost is understated.`);
  const range = query.path === "range" && role.annualP25 !== null && role.annualP75 !== null;
  if (query.path === "range" && !range) notes.push("BLS publishes no 25th or 75th percentile (or only as at or above its top figure) for this career: it stays at the median.");
  const payFor = (workYear: number) =>
    range ? role.annualP25! + ((role.annualP75! - role.annualP25!) * Math.min(workYear, query.years)) / query.years : median;

  const growth = (1 + query.inflation / 100) / (1 + query.discount / 100);
  const workStartAge = START_AGE + studyYears;
  const years: EarningsYear[] = [];
  let cumulative = 0;
  let behind = false;
  let breakEven: BreakEven | null = null;
  for (let age = START_AGE; age <= END_AGE; age++) {
    const t = age - START_AGE;
    const factor = growth ** t;
    const pay = age >= workStartAge ? payFor(age - workStartAge) * factor : 0;
    const cost = t < costYears && costPerYear !== null ? costPerYear * factor : 0;
    cumulative += pay - cost;
    years.push({ age, pay, cost, cumulative });
    if (cumulative < 0) behind = true;
    else if (behind && breakEven === null) breakEven = { kind: "age", age };
  }
  return {
    slug: role.slug,
    title: role.title,
    code: role.code,
    entryEducation: role.entryEducation,
    jobZone: role.jobZone,
    studyYears,
    workStartAge,
    costPerYear,
    costYears: costPerYear === null ? 0 : costYears,
    costLevel,
    pay: { p25: role.annualP25, median, p75: role.annualP75 },
    path: range ? "range" : "median",
    notes,
    years,
    breakEven: breakEven ?? (behind ? { kind: "not-by-end" } : { kind: "no-cost" }),
  };
}
