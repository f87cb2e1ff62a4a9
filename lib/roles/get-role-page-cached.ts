import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { roleCacheTags } from "@/lib/cache/cache-tags";
import { assembleRolePage, findRoleOccupation } from "./get-role-page";
import type { RolePage } from "./role-page.types";

/**
 * The role's view model for its cached representations (page, Markdown, JSON), from Next's
 * data cache. Reading it tags the render with the role's cache tags, so revalidating the
 * role (lib/community/revalidate-role.ts) refreshes every representation, whichever URL
 * rendered it. An unknown slug or code costs one indexed read and stores nothing.
 */
export async function getRolePageCached(key: { slug: string } | { code: string }): Promise<RolePage | null> {
  const occupation = await findRoleOccupation(key);
  if (!occupation) return null;
  return unstable_cache(assembleRolePage, ["role-page"], { tags: roleCacheTags(occupation.code), revalidate: 3600 })(occupation);
}

/** One load per request: generateMetadata and the page share it. */
export const getRolePageForRequest = cache((slug: string) => getRolePageCached({ slug }));
