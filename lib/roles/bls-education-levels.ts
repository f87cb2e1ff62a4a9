// BLS Employment Projections' worker-characteristics categories (Table 1.2 and the
// education tables), in the order BLS lists them: one list for every rule that compares them.

/** "Typical education needed for entry", least to most. */
export const BLS_ENTRY_EDUCATION_LEVELS = [
  "No formal educational credential",
  "High school diploma or equivalent",
  "Some college, no degree",
  "Postsecondary nondegree award",
  "Associate's degree",
  "Bachelor's degree",
  "Master's degree",
  "Doctoral or professional degree",
] as const;

/** "Typical on-the-job training needed to attain competency in the occupation". */
export const BLS_ON_THE_JOB_TRAINING = [
  "None",
  "Short-term on-the-job training",
  "Moderate-term on-the-job training",
  "Long-term on-the-job training",
  "Apprenticeship",
  "Internship/residency",
] as const;

/** Position of an entry-education level in BLS's order, or null for a value BLS does not use. */
export function entryEducationRank(level: string | null): number | null {
  const index = BLS_ENTRY_EDUCATION_LEVELS.indexOf(level as (typeof BLS_ENTRY_EDUCATION_LEVELS)[number]);
  return index < 0 ? null : index;
}
