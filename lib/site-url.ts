import { z } from "zod";

const ZSiteUrlSchema = z.url({ protocol: /^https?$/, error: "SITE_URL must be an http(s) URL, e.g. https://careerwiki.org" });

/** The public origin for absolute URLs (sitemap, robots): SITE_URL, default http://localhost:3000. */
export function siteUrl(): string {
  return ZSiteUrlSchema.parse(process.env.SITE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
