import { describe, expect, it } from "vitest";
import { readSessionToken, SECURE_SESSION_COOKIE, SESSION_COOKIE } from "./session-cookie";

const jar = (values: Record<string, string>) => ({ get: (name: string) => (name in values ? { value: values[name]! } : undefined) });

describe("readSessionToken", () => {
  it("reads Auth.js' tokens (UUIDs) and the tests' hex tokens, the https cookie first", () => {
    const uuid = "0b6f7c1e-4f3a-4c55-9a57-2d8f1f4b6a10";
    expect(readSessionToken(jar({ [SESSION_COOKIE]: uuid }))).toBe(uuid);
    expect(readSessionToken(jar({ [SESSION_COOKIE]: "ab".repeat(32), [SECURE_SESSION_COOKIE]: uuid }))).toBe(uuid);
  });

  it("treats a cookie that is no token as no session, so it never reaches a query", () => {
    for (const value of ["", "\uFFFD", "a\u0000b", "\u0000", "a".repeat(10_000), "a b", "a;b", "\uD800", "..", "token%00"]) {
      expect(readSessionToken(jar({ [SESSION_COOKIE]: value })), JSON.stringify(value.slice(0, 20))).toBeNull();
    }
  });
});
