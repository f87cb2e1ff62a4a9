/**
 * The client's address as the nearest proxy reports it: the last `X-Forwarded-For` entry
 * (nginx's `$proxy_add_x_forwarded_for` appends the peer it saw). Next's own server fills
 * the header with the socket address only when the request has none, so without a trusted
 * proxy in front a client can choose this value: per-IP limits are a second line behind the
 * per-address ones, and production runs behind a proxy that sets the header.
 */
export function clientIpFromHeaders(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").pop()?.trim();
  const ip = last || headers.get("x-real-ip")?.trim();
  return ip ? ip.slice(0, 64).replace(/^::ffff:/, "") : "unknown";
}
