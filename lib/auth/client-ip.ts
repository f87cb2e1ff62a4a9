/**
 * The client's address, for per-IP limits: `X-Forwarded-For` as the forwarded-headers preload
 * leaves it (lib/security/forwarded-headers.cjs): one address, the socket's peer, or the client
 * a trusted proxy (TRUSTED_PROXY) reports. Whatever a client sends in that header itself is
 * gone by then.
 */
export function clientIpFromHeaders(headers: { get(name: string): string | null }): string {
  const ip = headers.get("x-forwarded-for")?.trim();
  return ip ? ip.slice(0, 64) : "unknown";
}
