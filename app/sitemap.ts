import type { MetadataRoute } from "next";
import { CAREER_PATH_SLUGS } from "@/lib/paths/career-paths";
import { findLeftRoleSummariesCached, findRoleSummariesCached } from "@/lib/roles/cached-role-summaries";
import { findRoleLastModified } from "@/lib/roles/find-role-last-modified";
import { siteUrl } from "@/lib/site-url.cjs";

// Rendered on request (the build has no database) from the cached role list.
export const dynamic = "force-dynamic";

/**
 * /sitemap.xml: home, browse, the discovery pages (interests, lifetime earnings, career paths) and every
 * role page, with absolute URLs from SITE_URL and when each role page last changed; also the pages of
 * occupations that left O*NET (they answer 200, marked, with their last release's data). A role's
 * technology page is not listed: the role page links it when its list is longer than the page shows.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const [current, left, modified] = await Promise.all([findRoleSummariesCached(), findLeftRoleSummariesCached(), findRoleLastModified()]);
  const roles = [...current, ...left.roles];
  const lastModified = (code: string) => {
    const dates = [modified.dataAsOf, modified.editedAt.get(code)].filter((date): date is Date => date !== null && date !== undefined);
    return dates.length > 0 ? new Date(Math.max(...dates.map((date) => date.getTime()))) : undefined;
  };
  return [
    { url: `${base}/`, changeFrequency: "weekly", priority: 1 },
    { url: `${base}/roles`, changeFrequency: "weekly", priority: 0.8 },
    ...["/interests", "/earnings", "/paths", ...CAREER_PATH_SLUGS.map((slug) => `/paths/${slug}`)].map((path) => ({ url: `${base}${path}`, changeFrequency: "monthly" as const, priority: 0.7 })),
    ...roles.map((role) => ({ url: `${base}/roles/${role.slug}`, lastModified: lastModified(role.code), changeFrequency: "monthly" as const, priority: 0.6 })),
  ];
}
