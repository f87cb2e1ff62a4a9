import { describe, expect, it } from "vitest";
import { seedUser } from "@/tests/support/seed-users";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { buildAuthConfig, enabledOAuthProviders } from "./auth";
import { signInErrorMessage } from "./sign-in-errors";

// The Auth.js configuration's own callbacks, against real rows (no request: the IP is "unknown").
const database = useTestDatabase();

describe("Auth.js configuration", () => {
  it("uses database sessions and our pages", () => {
    const config = buildAuthConfig({});
    expect(config.session?.strategy).toBe("database");
    expect(config.pages).toEqual({ signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" });
  });

  it("switches GitHub and Google on only when both their id and secret are set", () => {
    const ids = (env: Record<string, string>) => (buildAuthConfig(env).providers as { id?: string }[]).map((p) => p.id);
    expect(ids({})).toEqual(["nodemailer"]);
    expect(ids({ AUTH_GITHUB_ID: "x" })).toEqual(["nodemailer"]);
    expect(ids({ AUTH_GITHUB_ID: "x", AUTH_GITHUB_SECRET: "y", AUTH_GOOGLE_ID: "a", AUTH_GOOGLE_SECRET: "b" })).toEqual(["nodemailer", "github", "google"]);
    expect(enabledOAuthProviders({ AUTH_GOOGLE_ID: "a", AUTH_GOOGLE_SECRET: "b" })).toEqual([{ id: "google", name: "Google" }]);
  });

  it("refuses sign-in emails over the per-address limit with a redirect that explains it", async () => {
    const signIn = buildAuthConfig({}).callbacks!.signIn!;
    const attempt = () =>
      signIn({ user: { email: "limited@example.test" }, account: null, email: { verificationRequest: true } } as Parameters<typeof signIn>[0]);
    for (let i = 0; i < 5; i++) expect(await attempt()).toBe(true);
    expect(await attempt()).toMatch(/^\/sign-in\?error=RateLimited&limit=email&wait=\d+$/);
  });

  it("sends a suspended user the link, then refuses the sign-in with the reason and the end date", async () => {
    process.env.AUTH_SECRET ??= "integration-test-secret";
    const banned = await seedUser({ databaseUrl: database.url, banned: true });
    const signIn = buildAuthConfig({}).callbacks!.signIn!;
    const call = (verificationRequest: boolean) =>
      signIn({ user: { email: banned.email }, account: null, ...(verificationRequest ? { email: { verificationRequest } } : {}) } as Parameters<typeof signIn>[0]);
    // Whoever types the address learns nothing; following the link (the address's owner) shows why.
    expect(await call(true)).toBe(true);
    const refused = await call(false);
    expect(refused).toMatch(/^\/sign-in\?error=Suspended&notice=/);
    expect(signInErrorMessage(new URL(String(refused), "http://localhost").searchParams)).toBe(
      "This account is suspended indefinitely. Reason: No reason was recorded. If you think this is a mistake, contact the moderators.",
    );
  });
});
