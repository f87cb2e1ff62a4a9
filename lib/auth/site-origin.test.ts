import { describe, expect, it } from "vitest";
import { siteOrigin } from "./site-origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("siteOrigin", () => {
  it("is AUTH_URL's origin when set, whatever the headers say", () => {
    expect(siteOrigin(headers({ host: "evil.example", "x-forwarded-host": "evil.example" }), "https://careerwiki.example/base")).toBe("https://careerwiki.example");
  });

  it("is the forwarded host and protocol, else the Host header over http", () => {
    expect(siteOrigin(headers({ host: "127.0.0.1:3000", "x-forwarded-host": "careerwiki.example, proxy", "x-forwarded-proto": "https" }), undefined)).toBe("https://careerwiki.example");
    expect(siteOrigin(headers({ host: "localhost:3000" }), undefined)).toBe("http://localhost:3000");
    expect(siteOrigin(headers({}), undefined)).toBe("http://localhost");
  });
});
