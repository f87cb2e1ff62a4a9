// What the app believes about a connection: which client sent it and whether it came over
// https. `next start` copies `X-Forwarded-*` headers a client sends (it fills them only when
// absent), so without this a client could choose its own address and protocol. The preload
// (forwarded-headers.preload.cjs) applies `normaliseForwardedHeaders` to every request before
// Next sees it; after it, these headers are facts, not claims. CommonJS: the preload runs
// before Next, without a compiler.
const net = require("node:net");
const path = require("node:path");
const { siteUrl } = require("../site-url.cjs");

/** Headers through which a client or a proxy makes claims about the connection; all are replaced or removed. */
const CLAIM_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"];

/** Set by the preload in the process it runs in (next.config.ts refuses to serve without it). */
const PRELOADED = Symbol.for("careerwiki.forwardedHeadersNormalised");

const PRELOAD_PATH = path.join(__dirname, "forwarded-headers.preload.cjs");

/**
 * TRUSTED_PROXY, parsed. Unset or empty: no proxy, the socket's peer is the client.
 * `1`: exactly one proxy in front, through which every connection comes (the app's port is
 * not reachable otherwise); its headers are believed. A comma list of addresses and CIDR
 * ranges (`127.0.0.1,10.0.0.0/8,::1`): only connections from those are believed, and the
 * client is the nearest `X-Forwarded-For` hop that is not one of them. Anything else throws,
 * so a typo stops the server instead of trusting the wrong peer.
 * @param {string | undefined} value
 */
function parseTrustedProxy(value) {
  const text = (value ?? "").trim();
  if (text === "") return { kind: "none" };
  if (text === "1") return { kind: "nearest" };
  const list = new net.BlockList();
  for (const entry of text.split(",").map((part) => part.trim())) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = net.isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== null && (!/^\d+$/.test(prefix) || bits > maxBits))) {
      throw new Error(`TRUSTED_PROXY: ${JSON.stringify(entry)} is not an IP address or range (expected 1, or addresses such as 127.0.0.1,10.0.0.0/8).`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return { kind: "list", list };
}

/** The policy the preload applies, from the environment (throws on a bad TRUSTED_PROXY, SITE_URL or AUTH_URL). */
function forwardedHeadersPolicy(env = process.env) {
  return { trust: parseTrustedProxy(env.TRUSTED_PROXY), site: new URL(siteUrl(env)) };
}

/** An address as a hop or a socket reports it, without brackets, port or IPv4-mapped prefix; "" when it is none. */
function plainAddress(text) {
  let value = String(text ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:[\d.]+$/i.test(value)) value = value.slice("::ffff:".length);
  return net.isIP(value) ? value.toLowerCase() : "";
}

function isTrusted(trust, address) {
  if (trust.kind === "nearest") return true;
  if (trust.kind === "none" || !address) return false;
  return trust.list.check(address, net.isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * Whether a connection's peer is a proxy whose headers are believed (TRUSTED_PROXY), e.g.
 * for its `X-Request-Id`.
 * @param {string | undefined} peerAddress the socket's remote address
 * @param {{ trust: ReturnType<typeof parseTrustedProxy> }} policy
 */
function isTrustedPeer(peerAddress, policy) {
  return isTrusted(policy.trust, plainAddress(peerAddress));
}

/** A header's comma-separated entries (repeated headers arrive joined, or as an array). */
function entries(value) {
  const text = Array.isArray(value) ? value.join(",") : (value ?? "");
  return text.split(",").map((entry) => entry.trim()).filter(Boolean);
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then, walking
 * `X-Forwarded-For` from its end (the hop each proxy appended), the first hop that is not a
 * trusted proxy (with `1`, the last hop). Hops before it were written by the client.
 */
function clientAddress(peer, forwardedFor, trust) {
  let client = peer;
  const hops = entries(forwardedFor);
  while (isTrusted(trust, client) && hops.length > 0) {
    const hop = plainAddress(hops.pop());
    if (!hop) break;
    client = hop;
    if (trust.kind === "nearest") break;
  }
  return client || "unknown";
}

/**
 * Rewrites a Node request's headers (lower-case names) in place: `X-Forwarded-For` becomes
 * the one client address (above), `X-Forwarded-Proto` says whether the site was reached over
 * https (its configured URL is https, or a trusted proxy says so in the last entry it wrote),
 * `X-Forwarded-Host` is the configured site's host, and `Forwarded`, `X-Forwarded-Port` and
 * `X-Real-IP` are removed. A peer that is no trusted proxy changes nothing by sending them.
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {string | undefined} peerAddress the socket's remote address
 * @param {{ trust: ReturnType<typeof parseTrustedProxy>, site: URL }} policy
 */
function normaliseForwardedHeaders(headers, peerAddress, policy) {
  const peer = plainAddress(peerAddress);
  const trusted = isTrusted(policy.trust, peer);
  const client = clientAddress(peer, trusted ? headers["x-forwarded-for"] : undefined, policy.trust);
  const proxyProto = trusted ? (entries(headers["x-forwarded-proto"]).pop() ?? "").toLowerCase() : "";
  const https = policy.site.protocol === "https:" || proxyProto === "https";
  for (const name of CLAIM_HEADERS) delete headers[name];
  headers["x-forwarded-for"] = client;
  headers["x-forwarded-proto"] = https ? "https" : "http";
  headers["x-forwarded-host"] = policy.site.host;
  return headers;
}

/** NODE_OPTIONS for a `next start` process: `existing` plus the preload. */
function withForwardedHeadersPreload(existing) {
  return [existing, `--require ${JSON.stringify(PRELOAD_PATH)}`].filter(Boolean).join(" ");
}

function isForwardedHeadersPreloadActive() {
  return globalThis[PRELOADED] === true;
}

module.exports = {
  PRELOADED,
  forwardedHeadersPolicy,
  isForwardedHeadersPreloadActive,
  isTrustedPeer,
  normaliseForwardedHeaders,
  parseTrustedProxy,
  withForwardedHeadersPreload,
};
