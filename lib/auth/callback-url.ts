import { siteUrl } from "@/lib/site-url.cjs";

const MAX_LENGTH = 2048;
/**
 * C0 and C1 controls, space, DEL, and invisible format characters (zero-width, bidi
 * overrides): the URL parser silently drops tabs and newlines, so "/\t/evil.example" means
 * "//evil.example", and a bidi override makes an address read differently from where it goes.
 */
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
/** "%252F" is "%2F" once decoded and "/" twice; a value that still changes after this many rounds is refused. */
const MAX_DECODE_ROUNDS = 3;

/**
 * The one check of every return address the site accepts (the sign-in page and its form,
 * OAuth buttons, Auth.js' redirect callback and endpoints, page guards): the address as a
 * path on this site ("/profile?tab=1#x"), or null when it leads anywhere else.
 *
 * It is judged after normalisation, as any later reader (a browser, Next's router, Auth.js)
 * might interpret it: parsed against the site's origin with the WHATWG URL parser (dot
 * segments resolved, backslashes read as slashes), then its path percent-decoded until
 * stable, backslashes turned into slashes and parsed again. Every form must stay on the
 * site's origin, and no form may begin with "//" (a protocol-relative URL to another host):
 * `/..//evil.example`, `/%2e%2e//evil.example`, `/%5Cevil.example`, `/%2F%2Fevil.example`,
 * `//evil.example`, `https://localhost.evil.example`, `javascript:…`, `data:…` are all refused.
 * The path returned is the first, WHATWG-normalised form, so a legitimate path keeps its meaning.
 */
export function safeReturnPath(candidate: unknown, origin: string = siteUrl()): string | null {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > MAX_LENGTH) return null;
  if (CONTROL_OR_SPACE.test(candidate)) return null;
  const site = new URL(origin);
  const parsed = parseOnSite(candidate, site);
  if (!parsed) return null;
  let decoded = parsed.pathname;
  for (let round = 0; ; round++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return null;
    }
    if (next === decoded) break;
    if (round === MAX_DECODE_ROUNDS) return null;
    decoded = next;
  }
  if (CONTROL_OR_SPACE.test(decoded)) return null;
  if (!parseOnSite(decoded.replaceAll("\\", "/"), site)) return null;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** `value` resolved against the site, when it is an http(s) path on the site's own origin that does not begin with "//". */
function parseOnSite(value: string, site: URL): URL | null {
  let url: URL;
  try {
    url = new URL(value, site);
  } catch {
    return null;
  }
  if (url.origin !== site.origin || url.username || url.password) return null;
  if (url.pathname.startsWith("//") || value.startsWith("//")) return null;
  return url;
}

/** The Auth.js `redirect` callback: the same-origin target, or the home page, as an absolute URL on the configured site. */
export function redirectCallback({ url }: { url: string; baseUrl: string }): string {
  const site = siteUrl();
  return new URL(safeReturnPath(url, site) ?? "/", site).href;
}

/**
 * `url` with its `callbackUrl` query parameter normalised (safeReturnPath), or removed when
 * it points off the site. Auth.js answers a parameter that is no http(s) URL (`javascript:…`,
 * `data:…`) with a 500 "server configuration" error before its redirect callback runs;
 * without it, the request goes on to the default target (home), as the redirect callback would send it.
 */
export function withSafeCallbackUrl(url: URL): URL {
  const candidate = url.searchParams.get("callbackUrl");
  if (candidate === null) return url;
  const path = safeReturnPath(candidate);
  if (path === candidate) return url;
  const cleaned = new URL(url);
  if (path === null) cleaned.searchParams.delete("callbackUrl");
  else cleaned.searchParams.set("callbackUrl", path);
  return cleaned;
}
