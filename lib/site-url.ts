/** The public origin of the site, for canonical URLs, Open Graph and Markdown links (SITE_URL, else localhost). */
export function siteUrl(): string {
  return (process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}
