import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { seedUser } from "@/tests/support/seed-users";

// The page guard with real Session rows; a test jar stands in for next/headers' cookies.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));
const { requirePageActor } = await import("./require-page-actor");

const database = useTestDatabase();
let contributor: { id: string; sessionToken: string };

beforeAll(async () => {
  contributor = await seedUser({ databaseUrl: database.url, role: "CONTRIBUTOR" });
});
beforeEach(() => jar.clear());

describe("requirePageActor", () => {
  it("sends someone not signed in to the sign-in page, returning to the page afterwards", async () => {
    await expect(requirePageActor("moderation:view-queue", "/moderation/audit?page=2")).rejects.toMatchObject({
      digest: expect.stringContaining(`NEXT_REDIRECT;replace;/sign-in?callbackUrl=${encodeURIComponent("/moderation/audit?page=2")};`),
    });
  });

  it("returns home, not elsewhere, after signing in when the return address is not a same-origin path", async () => {
    await expect(requirePageActor("profile:edit-own", "//evil.example/")).rejects.toMatchObject({ digest: expect.stringContaining(`/sign-in?callbackUrl=${encodeURIComponent("/")};`) });
  });

  it("answers 404 to a signed-in role without the ability, and gives the actor to one with it", async () => {
    jar.set("authjs.session-token", contributor.sessionToken);
    await expect(requirePageActor("moderation:view-queue", "/moderation")).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    await expect(requirePageActor("submission:create", "/contribute/x/correct")).resolves.toMatchObject({ userId: contributor.id, role: "CONTRIBUTOR" });
  });
});
