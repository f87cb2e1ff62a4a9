/**
 * Limits and choices of profile fields, shared by the form (maxLength, options) and the
 * server schema, so both agree.
 */
export const PROFILE_LIMITS = {
  displayName: 80,
  jobTitle: 120,
  region: 80,
  bio: 1000,
  occupations: 20,
  yearsExperience: 70,
} as const;

export const SECTORS = {
  private: "Private company",
  public: "Government or public sector",
  nonprofit: "Non-profit",
  education: "Education or research",
  "self-employed": "Self-employed or freelance",
  other: "Other",
} as const;

export type TSector = keyof typeof SECTORS;

export const SECTOR_VALUES = Object.keys(SECTORS) as [TSector, ...TSector[]];
