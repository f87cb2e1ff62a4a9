import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HOSTILE_RETURN_ADDRESSES } from "@/tests/support/hostile-return-addresses";
import { redirectCallback, safeReturnPath, withSafeCallbackUrl } from "./callback-url";
import { signInPath } from "./sign-in-path";

const site = "http://localhost:3000";

beforeEach(() => {
  vi.stubEnv("SITE_URL", site);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Where a browser would go with `path` as a link or Location on the site. */
const landsOn = (path: string) => new URL(path, site);

describe("safeReturnPath", () => {
  it.each([
    ["/profile", "/profile"],
    ["/roles/test-widget-engineers?tab=wages#pay", "/roles/test-widget-engineers?tab=wages#pay"],
    ["http://localhost:3000/profile", "/profile"],
    ["profile", "/profile"],
    ["/contribute/test-widget-engineers/correct", "/contribute/test-widget-engineers/correct"],
    ["/a/./b/../c", "/a/c"],
    ["/search?q=a%26b", "/search?q=a%26b"],
    ["/roles/caf%C3%A9", "/roles/caf%C3%A9"],
    // A path on the site that merely reads like a scheme once decoded.
    ["javascript%3Aalert(1)", "/javascript%3Aalert(1)"],
  ])("keeps the same-origin %j as %j", (candidate, expected) => {
    expect(safeReturnPath(candidate, site)).toBe(expected);
  });

  it.each(HOSTILE_RETURN_ADDRESSES.map((value) => [value]))("refuses %j", (candidate) => {
    expect(safeReturnPath(candidate, site)).toBeNull();
  });

  it.each([undefined, null, 42, ["/profile"], {}])("refuses the non-string %j", (candidate) => {
    expect(safeReturnPath(candidate, site)).toBeNull();
  });

  it("never returns a path that leaves the site, however a reader decodes it", () => {
    // Every accepted value, decoded any number of times with backslashes as slashes, stays here.
    const accepted = ["/profile", "/a/%2F%2Fb", "/x%255Cy"].map((value) => safeReturnPath(value, site));
    for (let path of accepted) {
      expect(path).not.toBeNull();
      for (let round = 0; round < 4; round++) {
        expect(landsOn(path!.replaceAll("\\", "/")).origin).toBe(site);
        expect(path!.startsWith("//")).toBe(false);
        path = decodeURIComponent(path!);
      }
    }
  });

  it("reads the site from SITE_URL when no origin is given", () => {
    expect(safeReturnPath("http://localhost:3000/profile")).toBe("/profile");
    vi.stubEnv("SITE_URL", "https://careerwiki.example");
    expect(safeReturnPath("http://localhost:3000/profile")).toBeNull();
    expect(safeReturnPath("https://careerwiki.example/profile")).toBe("/profile");
  });
});

describe("redirectCallback (Auth.js redirect)", () => {
  it("keeps a same-origin target as an absolute URL on the site", () => {
    expect(redirectCallback({ url: "/profile", baseUrl: site })).toBe("http://localhost:3000/profile");
  });

  it.each(HOSTILE_RETURN_ADDRESSES.map((value) => [value]))("sends %j home", (url) => {
    expect(redirectCallback({ url, baseUrl: site })).toBe("http://localhost:3000/");
  });

  it("judges by the configured site, not the base URL Auth.js passes", () => {
    expect(redirectCallback({ url: "http://evil.example/profile", baseUrl: "http://evil.example" })).toBe("http://localhost:3000/");
  });
});

describe("withSafeCallbackUrl (Auth.js' GET endpoints)", () => {
  const link = (callbackUrl: string) => new URL(`${site}/api/auth/callback/nodemailer?${new URLSearchParams({ callbackUrl, token: "t", email: "a@example.test" })}`);

  it.each(HOSTILE_RETURN_ADDRESSES.filter(Boolean).map((value) => [value]))("drops %j and keeps the rest", (callbackUrl) => {
    const cleaned = withSafeCallbackUrl(link(callbackUrl));
    expect(cleaned.searchParams.has("callbackUrl")).toBe(false);
    expect([cleaned.pathname, cleaned.searchParams.get("token"), cleaned.searchParams.get("email")]).toEqual(["/api/auth/callback/nodemailer", "t", "a@example.test"]);
  });

  it("keeps an own path, normalises an own absolute URL, and leaves URLs without one alone", () => {
    const own = link("/profile");
    expect(withSafeCallbackUrl(own)).toBe(own);
    expect(withSafeCallbackUrl(link("http://localhost:3000/profile")).searchParams.get("callbackUrl")).toBe("/profile");
    const none = new URL(`${site}/api/auth/session`);
    expect(withSafeCallbackUrl(none)).toBe(none);
  });
});

describe("signInPath (page guards)", () => {
  it("returns to the page, or home when the page's own address (built from URL segments) would leave the site", () => {
    expect(signInPath("/contribute/test-widget-engineers/correct")).toBe("/sign-in?callbackUrl=%2Fcontribute%2Ftest-widget-engineers%2Fcorrect");
    expect(signInPath("/contribute/../..//evil.example/correct")).toBe("/sign-in?callbackUrl=%2F");
  });
});
