import "server-only";
import { unstable_cache } from "next/cache";
import { ROLE_SUMMARIES_TAG } from "@/lib/cache/cache-tags";
import { findEducationCostTable } from "@/lib/earnings/find-education-cost-table";
import { findInterestProfiler } from "@/lib/interests/find-interest-profiler";
import { findAllOccupationsFigures } from "./find-all-occupations-figures";
import { findLeftRoleSummaries, findRoleSummaries } from "./find-role-summaries";
import { findPayStates, findStatePay } from "./find-state-pay";

/**
 * The role summaries from Next's data cache: home, browse and the sitemap render without
 * a database read per view. Tagged "roles": an import revalidates it on every app instance
 * (lib/cache/revalidate-all-pages.ts).
 */
export const findRoleSummariesCached = unstable_cache(findRoleSummaries, ["roles:summaries"], { tags: [ROLE_SUMMARIES_TAG], revalidate: 3600 });

/** The occupations that left O*NET (their pages stay): browse's `?status=left` and the sitemap, cached and revalidated with the summaries. */
export const findLeftRoleSummariesCached = unstable_cache(findLeftRoleSummaries, ["roles:left-summaries"], { tags: [ROLE_SUMMARIES_TAG], revalidate: 3600 });

/** The all-occupations median pay and growth, cached and revalidated with the summaries. */
export const findAllOccupationsFiguresCached = unstable_cache(findAllOccupationsFigures, ["roles:all-occupations"], { tags: [ROLE_SUMMARIES_TAG], revalidate: 3600 });

/** The interest profiler's activities and area descriptions, cached like the summaries (an import revalidates both). */
export const findInterestProfilerCached = unstable_cache(findInterestProfiler, ["interests:profiler"], { tags: [ROLE_SUMMARIES_TAG], revalidate: 3600 });

/** The newest NCES tuition figures for the earnings view, cached like the summaries. */
export const findEducationCostTableCached = unstable_cache(findEducationCostTable, ["earnings:education-costs"], { tags: [ROLE_SUMMARIES_TAG], revalidate: 3600 });

/** One state's pay for every career (`?state=` on browse, compare, /interests, /earnings), cached per state like the summaries. */
export const findStatePayCached = unstable_cache(findStatePay, ["roles:state-pay"], { tags: [ROLE_SUMMARIES_TAG], revalidate: 3600 });

/** The states `?state=` may name, cached like the summaries. */
export const findPayStatesCached = unstable_cache(findPayStates, ["roles:pay-states"], { tags: [ROLE_SUMMARIES_TAG], revalidate: 3600 });
