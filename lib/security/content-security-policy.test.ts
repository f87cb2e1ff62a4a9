import { describe, expect, it } from "vitest";
import { createNonce, nonceContentSecurityPolicy, readerContentSecurityPolicy } from "./content-security-policy";

/** The policy as directive → sources. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const STRICT_DIRECTIVES = {
  "default-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "frame-ancestors": ["'none'"],
  "connect-src": ["'self'"],
  "font-src": ["'self'"],
};

describe("readerContentSecurityPolicy", () => {
  it("allows our own and inline scripts (Next's inline RSC data), no nonce, and is strict everywhere else", () => {
    const policy = parse(readerContentSecurityPolicy());
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    for (const [directive, sources] of Object.entries(STRICT_DIRECTIVES)) expect(policy.get(directive), directive).toEqual(sources);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(readerContentSecurityPolicy()).not.toContain("nonce-");
    expect(readerContentSecurityPolicy()).not.toContain("unsafe-eval");
  });

  it("lets next dev evaluate code, and only next dev", () => {
    expect(parse(readerContentSecurityPolicy({ development: true })).get("script-src")).toEqual(["'self'", "'unsafe-inline'", "'unsafe-eval'"]);
  });

  it("is one header line: no newline, which would break the header", () => {
    expect(readerContentSecurityPolicy()).not.toMatch(/[\r\n]/);
  });
});

describe("nonceContentSecurityPolicy", () => {
  it("runs only scripts carrying the nonce (and what they load), never inline scripts, and keeps the other directives", () => {
    const nonce = createNonce();
    const policy = parse(nonceContentSecurityPolicy(nonce));
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    // Forms post to us, or (sign-in without JavaScript) get redirected to an OAuth provider.
    expect(policy.get("form-action")).toEqual(["'self'", "https://github.com", "https://accounts.google.com"]);
    for (const [directive, sources] of Object.entries(STRICT_DIRECTIVES)) expect(policy.get(directive), directive).toEqual(sources);
  });

  it("refuses a nonce that is short or could break out of the policy", () => {
    expect(() => nonceContentSecurityPolicy("abc")).toThrow(/nonce/);
    expect(() => nonceContentSecurityPolicy("AAAAAAAAAAAAAAAAAAAAAA=='; script-src *")).toThrow(/nonce/);
  });
});

describe("createNonce", () => {
  it("gives 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
