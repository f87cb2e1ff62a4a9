import "server-only";
import { unstable_cache } from "next/cache";
import { ROLE_SUMMARIES_TAG } from "@/lib/cache/cache-tags";
import { findRoleSummaries } from "./find-role-summaries";

/**
 * The role summaries from Next's data cache: home, browse and the sitemap render without
 * a database read per view. Tagged "roles": an import revalidates it on every app instance
 * (lib/cache/revalidate-all-pages.ts).
 */
export const findRoleSummariesCached = unstable_cache(findRoleSummaries, ["roles:summaries"], { tags: [ROLE_SUMMARIES_TAG], revalidate: 3600 });
