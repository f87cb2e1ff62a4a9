import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/site-url.cjs";

// SITE_URL is read when served, not baked in at build time.
export const dynamic = "force-dynamic";

/** /robots.txt: everything but the API and search result pages (endless query URLs). */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/search"] },
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
