import { describe, expect, it } from "vitest";
import { HTTPS_FORWARDED_PROTO } from "./content-security-policy";
import { forwardedHeadersPolicy, normaliseForwardedHeaders, parseTrustedProxy, withForwardedHeadersPreload } from "./forwarded-headers.cjs";

type Sent = Record<string, string>;
const PEER = "198.51.100.77";
const PROXY = "10.0.0.5";

function normalise(sent: Sent, { peer = PEER, trustedProxy, siteUrl = "http://localhost:3000" }: { peer?: string; trustedProxy?: string; siteUrl?: string } = {}) {
  return normaliseForwardedHeaders({ host: "localhost:3000", ...sent }, peer, forwardedHeadersPolicy({ SITE_URL: siteUrl, TRUSTED_PROXY: trustedProxy }));
}

// Every combination a client could forge, alone and together.
const FORGED: [string, Sent][] = [
  ["X-Forwarded-Host", { "x-forwarded-host": "evil.example" }],
  ["Host", { host: "evil.example" }],
  ["Forwarded", { forwarded: 'for=203.0.113.9;host=evil.example;proto=https' }],
  ["X-Forwarded-Proto", { "x-forwarded-proto": "https" }],
  ["X-Forwarded-For", { "x-forwarded-for": "203.0.113.9" }],
  ["X-Forwarded-For list", { "x-forwarded-for": "203.0.113.9, 192.0.2.1" }],
  ["X-Real-IP", { "x-real-ip": "203.0.113.9" }],
  ["X-Forwarded-Port", { "x-forwarded-port": "443" }],
  ["all of them", { host: "evil.example", "x-forwarded-host": "evil.example, localhost:3000", forwarded: "for=203.0.113.9;proto=https", "x-forwarded-proto": "https, https", "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9", "x-forwarded-port": "443" }],
];

describe("normaliseForwardedHeaders without TRUSTED_PROXY", () => {
  it.each(FORGED)("a forged %s decides nothing: client is the socket's peer, http, the site's host", (_label, sent) => {
    const headers = normalise(sent);
    expect(headers["x-forwarded-for"]).toBe(PEER);
    expect(headers["x-forwarded-proto"]).toBe("http");
    expect(headers["x-forwarded-host"]).toBe("localhost:3000");
    expect(headers.forwarded).toBeUndefined();
    expect(headers["x-real-ip"]).toBeUndefined();
    expect(headers["x-forwarded-port"]).toBeUndefined();
  });

  it("with an https site URL, every request counts as https (and gets HSTS)", () => {
    const headers = normalise({ "x-forwarded-proto": "http" }, { siteUrl: "https://careerwiki.example" });
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers["x-forwarded-host"]).toBe("careerwiki.example");
  });

  it("reads IPv4-mapped and bracketed peers as plain addresses", () => {
    expect(normalise({}, { peer: "::ffff:127.0.0.1" })["x-forwarded-for"]).toBe("127.0.0.1");
    expect(normalise({}, { peer: "::1" })["x-forwarded-for"]).toBe("::1");
  });
});

describe("normaliseForwardedHeaders with TRUSTED_PROXY", () => {
  it.each(FORGED)("from a peer that is not the trusted proxy, a forged %s decides nothing", (_label, sent) => {
    const headers = normalise(sent, { trustedProxy: PROXY });
    expect([headers["x-forwarded-for"], headers["x-forwarded-proto"], headers["x-forwarded-host"]]).toEqual([PEER, "http", "localhost:3000"]);
  });

  it("from the trusted proxy, believes the client and protocol it reports, never a host", () => {
    const headers = normalise({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", host: "evil.example" }, { peer: PROXY, trustedProxy: PROXY });
    expect([headers["x-forwarded-for"], headers["x-forwarded-proto"], headers["x-forwarded-host"]]).toEqual(["203.0.113.9", "https", "localhost:3000"]);
  });

  it("takes the hop the proxy appended, not the ones the client wrote before it", () => {
    // nginx: proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for (client's value, then the peer it saw)
    expect(normalise({ "x-forwarded-for": "192.0.2.66, 203.0.113.9" }, { peer: PROXY, trustedProxy: PROXY })["x-forwarded-for"]).toBe("203.0.113.9");
    expect(normalise({ "x-forwarded-for": "192.0.2.66, 203.0.113.9" }, { peer: PROXY, trustedProxy: "1" })["x-forwarded-for"]).toBe("203.0.113.9");
    // and the proxy's own protocol entry (the last)
    expect(normalise({ "x-forwarded-proto": "https, http" }, { peer: PROXY, trustedProxy: PROXY })["x-forwarded-proto"]).toBe("http");
  });

  it("walks back through a chain of trusted proxies (a list with ranges) to the first untrusted hop", () => {
    const sent = { "x-forwarded-for": "192.0.2.66, 203.0.113.9, 10.1.2.3, 10.0.0.9" };
    expect(normalise(sent, { peer: PROXY, trustedProxy: "10.0.0.0/8" })["x-forwarded-for"]).toBe("203.0.113.9");
    expect(normalise(sent, { peer: PROXY, trustedProxy: "10.0.0.5, 10.0.0.9" })["x-forwarded-for"]).toBe("10.1.2.3");
  });

  it("falls back to the proxy's own address when it reports nothing usable", () => {
    expect(normalise({}, { peer: PROXY, trustedProxy: PROXY })["x-forwarded-for"]).toBe(PROXY);
    expect(normalise({ "x-forwarded-for": "not-an-ip" }, { peer: PROXY, trustedProxy: "1" })["x-forwarded-for"]).toBe(PROXY);
  });

  it("believes a trusted proxy's https, which next.config's HSTS rule matches", () => {
    expect(normalise({ "x-forwarded-proto": "HTTPS" }, { peer: PROXY, trustedProxy: "1" })["x-forwarded-proto"]).toBe(HTTPS_FORWARDED_PROTO);
    expect(normalise({}, { peer: PROXY, trustedProxy: "1" })["x-forwarded-proto"]).not.toBe(HTTPS_FORWARDED_PROTO);
  });
});

describe("parseTrustedProxy", () => {
  it("reads unset, 1, and lists of addresses and ranges", () => {
    expect(parseTrustedProxy(undefined).kind).toBe("none");
    expect(parseTrustedProxy(" ").kind).toBe("none");
    expect(parseTrustedProxy("1").kind).toBe("nearest");
    const list = parseTrustedProxy("127.0.0.1, 10.0.0.0/8, ::1, fd00::/8");
    expect(list.kind).toBe("list");
  });

  it.each(["true", "yes", "2", "localhost", "10.0.0.0/33", "10.0.0.1/x", "127.0.0.1,", "::1/129", "1.2.3.4/8/9"])("refuses %j so that a typo stops the server", (value) => {
    expect(() => parseTrustedProxy(value)).toThrow(/TRUSTED_PROXY/);
  });
});

describe("withForwardedHeadersPreload", () => {
  it("adds the preload to NODE_OPTIONS, keeping what was there", () => {
    expect(withForwardedHeadersPreload(undefined)).toMatch(/^--require ".*forwarded-headers\.preload\.cjs"$/);
    expect(withForwardedHeadersPreload("--max-old-space-size=512")).toMatch(/^--max-old-space-size=512 --require "/);
  });
});
