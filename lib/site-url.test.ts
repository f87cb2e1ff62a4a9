import { describe, expect, it } from "vitest";
import { siteUrl } from "./site-url.cjs";

describe("siteUrl", () => {
  it("is SITE_URL's origin, else AUTH_URL's, else localhost on PORT", () => {
    expect(siteUrl({ SITE_URL: "https://careerwiki.example/", AUTH_URL: "https://careerwiki.example" })).toBe("https://careerwiki.example");
    expect(siteUrl({ AUTH_URL: "https://careerwiki.example/some/path" })).toBe("https://careerwiki.example");
    expect(siteUrl({ PORT: "4123" })).toBe("http://localhost:4123");
    expect(siteUrl({})).toBe("http://localhost:3000");
  });

  it.each([
    [{ SITE_URL: "careerwiki.example" }, /SITE_URL is not a URL/],
    [{ SITE_URL: "ftp://careerwiki.example" }, /http:\/\/ or https:\/\//],
    [{ AUTH_URL: "javascript:alert(1)" }, /AUTH_URL must be/],
    [{ SITE_URL: "https://careerwiki.example", AUTH_URL: "https://evil.example" }, /name different sites/],
  ])("refuses %j", (env, message) => {
    expect(() => siteUrl(env)).toThrow(message);
  });
});
