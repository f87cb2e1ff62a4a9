// The cache tags of Careerwiki's cached answers, in one place: what carries each tag, and
// so what revalidating it refreshes.

/**
 * Every cached representation of one role (the page, `/roles/<slug>/technology`,
 * `/roles/<slug>.md`, `/api/roles/<code>`) reads the role's view model through
 * `lib/roles/get-role-page-cached.ts`, which tags the render with these, whatever URL it was
 * reached by (a rewrite, an encoded alias).
 */
export function roleCacheTags(occupationCode: string): string[] {
  return [roleCacheTag(occupationCode), ROLE_PAGES_TAG];
}

export function roleCacheTag(occupationCode: string): string {
  return `role:${occupationCode}`;
}

/**
 * A role's cached addresses besides its page, which the cache front fetches again after the
 * role changes (lib/cache/refresh-front.ts, lib/cache/apply-data-change.ts).
 */
export function roleRepresentationPaths(role: { slug: string; code: string }): string[] {
  return [`/roles/${role.slug}/technology`, `/roles/${role.slug}.md`, `/api/roles/${role.code}`];
}

/** Every role's representations at once (an import). */
export const ROLE_PAGES_TAG = "role-pages";

/** The role summaries in Next's data cache (home, browse, sitemap). */
export const ROLE_SUMMARIES_TAG = "roles";

/** Next tags every page and route handler answer with its own path too: what `revalidatePath(path)` drops. */
export function pathCacheTag(path: string): string {
  return `_N_T_${path}`;
}

/** Next tags every page and route handler answer with its root layout. */
const ROOT_LAYOUT_TAG = "_N_T_/layout";

/** What an import (official rows changed) revalidates: everything. */
export const EVERY_PAGE_TAGS = [ROOT_LAYOUT_TAG, ROLE_PAGES_TAG, ROLE_SUMMARIES_TAG];
