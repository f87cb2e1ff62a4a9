import { describe, expect, it } from "vitest";
import { redirectCallback, safeCallbackPath, withoutForeignCallbackUrl } from "./callback-url";

const baseUrl = "http://localhost:3000";

describe("redirectCallback (Auth.js redirect)", () => {
  it.each([
    ["/profile", "http://localhost:3000/profile"],
    ["/roles/test-widget-engineers?tab=wages#pay", "http://localhost:3000/roles/test-widget-engineers?tab=wages#pay"],
    ["http://localhost:3000/profile", "http://localhost:3000/profile"],
    ["profile", "http://localhost:3000/profile"],
  ])("keeps the same-origin %s", (url, expected) => {
    expect(redirectCallback({ url, baseUrl })).toBe(expected);
  });

  it.each([
    "//evil.example",
    "//evil.example/profile",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "https://localhost.evil.example",
    "http://localhost.evil.example:3000/profile",
    "http://localhost:3001/profile",
    "https://localhost:3000/profile",
    "https://evil.example/?next=http://localhost:3000",
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://user:pass@localhost:3000/profile",
    "",
    "/".padEnd(3000, "a"),
  ])("refuses %j and sends home", (url) => {
    expect(redirectCallback({ url, baseUrl })).toBe("http://localhost:3000/");
  });
});

describe("safeCallbackPath (sign-in form)", () => {
  it("keeps relative paths with query and hash", () => {
    expect(safeCallbackPath("/profile?x=1#y")).toBe("/profile?x=1#y");
  });

  it.each(["//evil.example", "https://localhost.evil.example", "javascript:alert(1)", "/\\evil.example", undefined, null, 42, ["/profile"]])(
    "falls back for %j",
    (value) => {
      expect(safeCallbackPath(value)).toBe("/");
      expect(safeCallbackPath(value, "/profile")).toBe("/profile");
    },
  );

  it("keeps an absolute URL only when it is on the given origin", () => {
    expect(safeCallbackPath("http://localhost:3000/profile", "/", baseUrl)).toBe("/profile");
    expect(safeCallbackPath("http://localhost:3000/profile")).toBe("/");
    expect(safeCallbackPath("https://localhost.evil.example/profile", "/", baseUrl)).toBe("/");
  });
});

describe("withoutForeignCallbackUrl (Auth.js' GET endpoints)", () => {
  const link = (callbackUrl: string) => new URL(`${baseUrl}/api/auth/callback/nodemailer?${new URLSearchParams({ callbackUrl, token: "t", email: "a@example.test" })}`);

  it.each(["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example", "https://localhost.evil.example", "/\\evil.example"])("drops %j and keeps the rest", (callbackUrl) => {
    const cleaned = withoutForeignCallbackUrl(link(callbackUrl), baseUrl);
    expect(cleaned.searchParams.has("callbackUrl")).toBe(false);
    expect([cleaned.pathname, cleaned.searchParams.get("token"), cleaned.searchParams.get("email")]).toEqual(["/api/auth/callback/nodemailer", "t", "a@example.test"]);
  });

  it("returns the same URL when the callbackUrl is on the site or absent", () => {
    const own = link("http://localhost:3000/profile");
    expect(withoutForeignCallbackUrl(own, baseUrl)).toBe(own);
    const none = new URL(`${baseUrl}/api/auth/session`);
    expect(withoutForeignCallbackUrl(none, baseUrl)).toBe(none);
  });
});
