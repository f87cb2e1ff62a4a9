// The one configured address of the site: every absolute URL the app sends to people (magic
// links, notification emails, the feed, the sitemap, canonical and Open Graph URLs, Markdown
// links) and every "is this our own origin?" check starts here, never from request headers.
// CommonJS so that the forwarded-headers preload (lib/security/forwarded-headers.preload.cjs),
// which runs before Next without a compiler, reads the same rule as the app.

/**
 * The site's origin: SITE_URL, else AUTH_URL (Auth.js' own setting), else
 * http://localhost:PORT (3000) for a plain local start. Throws when the value is no http(s)
 * URL, or when SITE_URL and AUTH_URL name different origins (one of them would be wrong).
 * @param {Record<string, string | undefined>} [env]
 * @returns {string} e.g. "https://careerwiki.example" (no trailing slash, no path)
 */
function siteUrl(env = process.env) {
  const configured = env.SITE_URL || env.AUTH_URL;
  if (!configured) return `http://localhost:${env.PORT || 3000}`;
  const origin = originOf(configured, env.SITE_URL ? "SITE_URL" : "AUTH_URL");
  if (env.SITE_URL && env.AUTH_URL && originOf(env.AUTH_URL, "AUTH_URL") !== origin) {
    throw new Error(`SITE_URL (${env.SITE_URL}) and AUTH_URL (${env.AUTH_URL}) name different sites: set one of them, or both to the same address.`);
  }
  return origin;
}

/** @param {string} value @param {string} name */
function originOf(value, name) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} is not a URL: ${JSON.stringify(value)} (expected e.g. https://careerwiki.example).`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`${name} must be an http:// or https:// address, not ${JSON.stringify(value)}.`);
  return url.origin;
}

module.exports = { siteUrl };
