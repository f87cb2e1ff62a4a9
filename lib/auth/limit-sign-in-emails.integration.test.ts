import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { limitSignInEmails, signInLimitMessage } from "./limit-sign-in-emails";
import { signInErrorMessage } from "./sign-in-errors";

useTestDatabase();

const KEYS = ["RATE_LIMIT_SIGNIN_PER_EMAIL_PER_HOUR", "RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR"] as const;
const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));
beforeEach(() => {
  for (const key of KEYS) delete process.env[key];
});
afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("limitSignInEmails", () => {
  it("allows 5 emails per address per hour by default, then refuses with the wait", async () => {
    const now = new Date("2026-11-25T10:10:00Z");
    for (let i = 0; i < 5; i++) expect(await limitSignInEmails({ email: "a@example.test", ip: "10.0.0.1", now })).toEqual({ ok: true });
    const refused = await limitSignInEmails({ email: "a@example.test", ip: "10.0.0.2", now });
    expect(refused).toEqual({ ok: false, limit: "email", retryAfterSeconds: 50 * 60 });
    // Another address from the same network is still fine.
    expect(await limitSignInEmails({ email: "b@example.test", ip: "10.0.0.1", now })).toEqual({ ok: true });
    // The next hour starts afresh.
    expect(await limitSignInEmails({ email: "a@example.test", ip: "10.0.0.1", now: new Date("2026-11-25T11:00:01Z") })).toEqual({ ok: true });
  });

  it("allows 20 emails per IP per hour by default, across addresses", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    for (let i = 0; i < 20; i++) expect(await limitSignInEmails({ email: `p${i}@example.test`, ip: "192.0.2.7", now })).toEqual({ ok: true });
    expect(await limitSignInEmails({ email: "p20@example.test", ip: "192.0.2.7", now })).toMatchObject({ ok: false, limit: "ip" });
    expect(await limitSignInEmails({ email: "p20@example.test", ip: "192.0.2.8", now })).toEqual({ ok: true });
  });

  it("reads both limits from the environment", async () => {
    process.env.RATE_LIMIT_SIGNIN_PER_EMAIL_PER_HOUR = "2";
    process.env.RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR = "3";
    const now = new Date("2026-11-25T13:00:00Z");
    expect(await limitSignInEmails({ email: "env@example.test", ip: "198.51.100.1", now })).toEqual({ ok: true });
    expect(await limitSignInEmails({ email: "env@example.test", ip: "198.51.100.1", now })).toEqual({ ok: true });
    expect(await limitSignInEmails({ email: "env@example.test", ip: "198.51.100.1", now })).toMatchObject({ ok: false, limit: "email" });
    expect(await limitSignInEmails({ email: "env2@example.test", ip: "198.51.100.1", now })).toEqual({ ok: true });
    expect(await limitSignInEmails({ email: "env3@example.test", ip: "198.51.100.1", now })).toMatchObject({ ok: false, limit: "ip" });
  });

  it("explains the refusal clearly, without echoing anything from the URL", () => {
    expect(signInLimitMessage("email", 3000)).toBe(
      "Too many sign-in links were requested for this email address. Please try again in 50 minutes, or use the newest link already sent.",
    );
    expect(signInErrorMessage(new URLSearchParams({ error: "RateLimited", limit: "ip", wait: "30" }))).toBe(
      "Too many sign-in links were requested from your network. Please try again in 1 minute.",
    );
    expect(signInErrorMessage(new URLSearchParams({ error: "<script>" }))).toBe("Sign-in did not work. Please try again.");
  });
});
