// How long the BLS typical entry education keeps someone from full-time work, and which
// NCES cost level it is charged at: the assumptions the earnings view states on its page.

export interface EducationPlan {
  /** Full-time years of study after high school before work starts. */
  years: number;
  /** The NCES Table 330.10 level charged, and for how many of those years (undergraduate only). */
  costLevel: "2-year" | "4-year" | null;
  costYears: number;
}

/** Typical full-time lengths: the table the page shows. Graduate years are not charged (NCES covers undergraduate charges only). */
export const EDUCATION_PLANS: Record<string, EducationPlan> = {
  "No formal educational credential": { years: 0, costLevel: null, costYears: 0 },
  "High school diploma or equivalent": { years: 0, costLevel: null, costYears: 0 },
  "Some college, no degree": { years: 1, costLevel: "2-year", costYears: 1 },
  "Postsecondary nondegree award": { years: 1, costLevel: "2-year", costYears: 1 },
  "Associate's degree": { years: 2, costLevel: "2-year", costYears: 2 },
  "Bachelor's degree": { years: 4, costLevel: "4-year", costYears: 4 },
  "Master's degree": { years: 6, costLevel: "4-year", costYears: 4 },
  "Doctoral or professional degree": { years: 8, costLevel: "4-year", costYears: 4 },
};
