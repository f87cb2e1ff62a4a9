import type { MetadataRoute } from "next";
import { findRoleSummariesCached } from "@/lib/roles/cached-role-summaries";
import { siteUrl } from "@/lib/site-url.cjs";

// Rendered on request (the build has no database) from the cached role list.
export const dynamic = "force-dynamic";

/** /sitemap.xml: home, browse and every role page, with absolute URLs from SITE_URL. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const roles = await findRoleSummariesCached();
  return [
    { url: `${base}/`, changeFrequency: "weekly", priority: 1 },
    { url: `${base}/roles`, changeFrequency: "weekly", priority: 0.8 },
    ...roles.map((role) => ({ url: `${base}/roles/${role.slug}`, changeFrequency: "monthly" as const, priority: 0.6 })),
  ];
}
