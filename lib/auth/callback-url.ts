/**
 * Where Auth.js may send someone after signing in or out: only back into this site.
 *
 * The candidate is resolved against the site's own origin with the WHATWG URL parser (the
 * one browsers use), so the tricks that fool string checks all land on a foreign origin and
 * are refused: `//evil.example`, `/\evil.example`, `/\t/evil.example`,
 * `https://localhost.evil.example`, `javascript:...`, `data:...`.
 */
export function resolveSameOriginUrl(candidate: unknown, baseUrl: string): URL | null {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > 2048) return null;
  let base: URL;
  let resolved: URL;
  try {
    base = new URL(baseUrl);
    resolved = new URL(candidate, base);
  } catch {
    return null;
  }
  if (resolved.protocol !== "http:" && resolved.protocol !== "https:") return null;
  if (resolved.origin !== base.origin) return null;
  // Credentials in a same-origin URL are never legitimate here.
  if (resolved.username || resolved.password) return null;
  return resolved;
}

/** The Auth.js `redirect` callback: the same-origin target, or the home page. */
export function redirectCallback({ url, baseUrl }: { url: string; baseUrl: string }): string {
  return resolveSameOriginUrl(url, baseUrl)?.href ?? new URL("/", baseUrl).href;
}

/**
 * A `callbackUrl` from a query string or form, as a relative path on this site
 * ("/profile?tab=1"), or `fallback` when it points anywhere else. Used before handing it to
 * Auth.js, so forms never echo a foreign URL either. Absolute URLs are kept (as their path)
 * only when `origin`, the site's own origin, is given and matches: Auth.js itself sends
 * absolute ones to the sign-in page.
 */
export function safeCallbackPath(candidate: unknown, fallback = "/", origin?: string): string {
  // Without a known origin, only relative paths can be recognised as ours.
  const resolved = resolveSameOriginUrl(candidate, origin ?? "http://careerwiki.invalid");
  if (!resolved) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/**
 * `url` without its `callbackUrl` query parameter when that points off the site. Auth.js
 * answers a parameter that is no http(s) URL (`javascript:…`, `data:…`) with a 500 "server
 * configuration" error before its redirect callback runs; without it, the request goes on
 * to the default target (home), as the redirect callback would send it.
 */
export function withoutForeignCallbackUrl(url: URL, origin: string): URL {
  const candidate = url.searchParams.get("callbackUrl");
  if (candidate === null || resolveSameOriginUrl(candidate, origin)) return url;
  const cleaned = new URL(url);
  cleaned.searchParams.delete("callbackUrl");
  return cleaned;
}
