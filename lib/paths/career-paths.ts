import type { AllOccupationsFigures } from "@/lib/roles/find-all-occupations-figures";
import type { RoleSummary } from "@/lib/roles/find-role-summaries";
import { BRIGHT_OUTLOOK_CRITERIA } from "@/lib/roles/bright-outlook";
import { entryEducationRank } from "@/lib/roles/bls-education-levels";
import { formatChange, formatDollars } from "@/lib/roles/format-figures";

export const CAREER_PATH_SLUGS = ["good-pay-without-a-degree", "fast-to-start", "growing-fast"] as const;
export type CareerPathSlug = (typeof CAREER_PATH_SLUGS)[number];

export const CAREER_PATH_TITLES: Record<CareerPathSlug, string> = {
  "good-pay-without-a-degree": "Good pay without a four-year degree",
  "fast-to-start": "Fast to start",
  "growing-fast": "Growing fast",
};

export interface CareerPath {
  slug: CareerPathSlug;
  title: string;
  /** The rule in words, with the figures it compares against. */
  rule: string;
  /** The sort a reader sees first. */
  defaultSort: "pay" | "growth" | "openings";
  /** Null when a figure the rule needs is not imported (the page says so instead of guessing). */
  matches: ((role: RoleSummary) => boolean) | null;
}

const BACHELORS = entryEducationRank("Bachelor's degree")!;
const HIGH_SCHOOL = entryEducationRank("High school diploma or equivalent")!;
const SHORT_TRAINING = new Set(["None", "Short-term on-the-job training"]);

/**
 * The three rule-based paths, built only from BLS figures (no list written by hand): each
 * rule is stated on its page with the all-occupations figures it compares against.
 */
export function careerPaths(all: AllOccupationsFigures): CareerPath[] {
  const { medianAnnualWage: allMedian, changePercent: allGrowth } = all;
  const belowBachelors = (role: RoleSummary) => {
    const rank = entryEducationRank(role.entryEducation);
    return rank !== null && rank < BACHELORS;
  };
  return [
    {
      slug: "good-pay-without-a-degree",
      title: CAREER_PATH_TITLES["good-pay-without-a-degree"],
      rule:
        `Typical entry education below a bachelor's degree (BLS), median pay above the median of all occupations ` +
        `(${allMedian === null ? "not imported" : formatDollars(allMedian)}, OEWS ${all.wageRelease ?? ""}), and projected growth at least the ` +
        `average of all occupations (${allGrowth === null ? "not imported" : formatChange(allGrowth)}, Employment Projections ${all.projectionRelease ?? ""}).`,
      defaultSort: "pay",
      matches:
        allMedian === null || allGrowth === null
          ? null
          : (role) => belowBachelors(role) && role.medianAnnualWage !== null && role.medianAnnualWage > allMedian && role.changePercent !== null && role.changePercent >= allGrowth,
    },
    {
      slug: "fast-to-start",
      title: CAREER_PATH_TITLES["fast-to-start"],
      rule:
        "Typical entry education of a high school diploma or less, no work experience in a related occupation, and no more than " +
        "short-term on-the-job training (a month or less), all as BLS Employment Projections give them.",
      defaultSort: "pay",
      matches: (role) => {
        const rank = entryEducationRank(role.entryEducation);
        return rank !== null && rank <= HIGH_SCHOOL && role.workExperience === "None" && role.onTheJobTraining !== null && SHORT_TRAINING.has(role.onTheJobTraining);
      },
    },
    {
      slug: "growing-fast",
      title: CAREER_PATH_TITLES["growing-fast"],
      rule:
        `Projected employment growth of ${BRIGHT_OUTLOOK_CRITERIA.growthPercent}% or more over the BLS projections period: O*NET's ` +
        `"faster than average" Bright Outlook criterion${allGrowth === null ? "" : ` (all occupations: ${formatChange(allGrowth)})`}.`,
      defaultSort: "growth",
      matches: (role) => role.changePercent !== null && role.changePercent >= BRIGHT_OUTLOOK_CRITERIA.growthPercent,
    },
  ];
}
