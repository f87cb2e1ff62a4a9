import type { AllOccupationsFigures } from "@/lib/roles/find-all-occupations-figures";
import type { RoleSummary } from "@/lib/roles/find-role-summaries";
import { careerPaths, type CareerPath } from "./career-paths";

/**
 * One path and every career its rule selects (pure: the summaries and all-occupations
 * figures come from the cache; browse's filters, sort and pages apply after). Null for
 * an unknown path.
 */
export function findPathRoles(summaries: readonly RoleSummary[], all: AllOccupationsFigures, slug: string): { path: CareerPath; roles: RoleSummary[] } | null {
  const path = careerPaths(all).find((candidate) => candidate.slug === slug);
  if (!path) return null;
  return { path, roles: path.matches ? summaries.filter(path.matches) : [] };
}
