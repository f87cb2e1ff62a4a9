import type { ReleaseMetadata } from "../register-release";

/** BLS publication dates of the May estimates we have seen; other years fall back to April 1 of the next year. */
const PUBLISHED_ON: Record<number, string> = {
  2023: "2024-04-03",
  2024: "2025-04-02",
};

/** One OEWS reference year (May YYYY) is one release, whatever mix of national, state and metro files it has. */
export function oewsRelease(year: number): ReleaseMetadata {
  const yy = String(year).slice(2);
  return {
    dataset: "oews",
    name: "Occupational Employment and Wage Statistics (OEWS)",
    publisher: "U.S. Bureau of Labor Statistics",
    version: `May ${year}`,
    referencePeriod: `May ${year}`,
    releasedOn: PUBLISHED_ON[year] ?? `${year + 1}-04-01`,
    license: "Public domain (work of the U.S. Government, 17 U.S.C. § 105)",
    sourceUrl: `https://www.bls.gov/oes/special-requests/oesm${yy}nat.zip`,
    citation: `U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May ${year} estimates.`,
  };
}
