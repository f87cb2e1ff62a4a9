/** The header reader both Next's `headers()` and a `Request` provide. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * The site's own origin for a request: AUTH_URL's when set (behind a proxy it must be),
 * else the forwarded or Host header with the forwarded protocol. Plain, so the proxy can use
 * it as well as server code (lib/auth/request-origin.ts).
 */
export function siteOrigin(headers: HeaderReader, authUrl: string | undefined = process.env.AUTH_URL): string {
  if (authUrl) return new URL(authUrl).origin;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
