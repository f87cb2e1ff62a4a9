import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { NONCE_PATH_PATTERNS } from "@/lib/security/content-security-policy";
import { config, proxy } from "./proxy";

describe("proxy", () => {
  it("runs on exactly the signed-in paths the policy module lists", () => {
    expect(config.matcher).toEqual([...NONCE_PATH_PATTERNS]);
  });

  it("gives each request a fresh nonce policy, on the response and on the request Next renders", () => {
    const first = proxy(new NextRequest("http://localhost/profile"));
    const second = proxy(new NextRequest("http://localhost/profile"));
    const policy = first.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    // NextResponse.next({ request: { headers } }) hands the rewritten request headers to Next this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });
});
