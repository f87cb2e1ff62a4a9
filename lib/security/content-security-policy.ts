/**
 * The security headers of every response, in one place: next.config.ts sends them on every
 * path, and proxy.ts replaces the Content-Security-Policy on signed-in pages.
 *
 * Two policies (decisions.md, "Hardening"; SECURITY.md explains the trade-off):
 * - signed-in pages (contributing, moderation, a role's history) render per request anyway,
 *   so they get a fresh nonce and `'strict-dynamic'`: only scripts Next tagged with the nonce,
 *   and what they load, run;
 * - cached reader pages, API routes and exports cannot carry a per-request nonce without
 *   becoming dynamic (5.6× slower, measured), so their `script-src` is `'self' 'unsafe-inline'`
 *   (Next's inline RSC scripts) and everything else is as strict; what readers see of users'
 *   text is sanitised on the server.
 */

/** Paths rendered per request for signed-in users; keep proxy.ts's `config.matcher` in step (a unit test checks). */
export const NONCE_PATH_PATTERNS = ["/sign-in/:path*", "/sign-out", "/profile", "/contribute/:path*", "/me/:path*", "/moderation/:path*", "/dev/:path*", "/roles/:slug/history"] as const;

// The patterns above as regular expressions (`/:path*` is the path itself or anything below it).
const NONCE_PATHS = NONCE_PATH_PATTERNS.map((pattern) => new RegExp(`^${pattern.replace(/\/:path\*$/, "(?:/.*)?").replace(/:[a-z]+/g, "[^/]+")}$`));

/** Whether a path gets the nonce policy (the proxy also runs on other paths, for the origin check). */
export function needsNoncePolicy(pathname: string): boolean {
  return NONCE_PATHS.some((path) => path.test(pathname));
}

/** `next dev` evaluates code with eval() (React's debugging); production never needs it. */
export interface PolicyOptions {
  development?: boolean;
}

// What both policies allow besides scripts: our own files; inline style attributes (the bar
// charts' widths, React `style` props); data: images; nothing from elsewhere.
const COMMON_DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
];

/**
 * The sign-in page's "Continue with GitHub/Google" forms answer with a redirect to the
 * provider, and browsers apply form-action to that redirect when the form was posted
 * without JavaScript (before hydration).
 */
const OAUTH_AUTHORIZATION_ORIGINS = ["https://github.com", "https://accounts.google.com"];

/** The policy of cached pages and of every response proxy.ts does not touch. */
export function readerContentSecurityPolicy(options: PolicyOptions = {}): string {
  return serialise([`script-src 'self' 'unsafe-inline'${evalSource(options)}`, ...COMMON_DIRECTIVES, "form-action 'self'"]);
}

/** The policy of a signed-in page rendered with `nonce`. Next finds the nonce in this header on the request and puts it on its scripts. */
export function nonceContentSecurityPolicy(nonce: string, options: PolicyOptions = {}): string {
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce)) throw new Error("A CSP nonce must be at least 16 base64 characters");
  return serialise([`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${evalSource(options)}`, ...COMMON_DIRECTIVES, `form-action 'self' ${OAUTH_AUTHORIZATION_ORIGINS.join(" ")}`]);
}

/** 128 random bits, base64: a new one for every request. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** A year, subdomains included; sent only over https (browsers ignore it on http anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** The headers every response carries, whatever its CSP. */
export const BASELINE_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without frame-ancestors support.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
];

/**
 * The `X-Forwarded-Proto` value of a request that reached the site over https, as a
 * next.config `has` pattern (Next anchors it: ^…$). The forwarded-headers preload sets the
 * header to "https" exactly when the site URL is https or a trusted proxy says so
 * (lib/security/forwarded-headers.cjs); a client's own value never gets this far.
 */
export const HTTPS_FORWARDED_PROTO = "https";

function evalSource({ development = false }: PolicyOptions): string {
  return development ? " 'unsafe-eval'" : "";
}

function serialise(directives: string[]): string {
  return directives.join("; ");
}
