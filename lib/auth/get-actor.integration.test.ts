import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { seedUser } from "@/tests/support/seed-users";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { getSessionActor } from "./get-session-actor";

// getActor reads the request's cookies through next/headers, which exists only inside a
// Next request: the test supplies the cookie jar. Sessions and users are real rows.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));

const { getActor, requireActor } = await import("./get-actor");

const database = useTestDatabase();

beforeEach(() => jar.clear());

describe("getSessionActor", () => {
  it("returns the user and role of a valid session", async () => {
    const user = await seedUser({ databaseUrl: database.url, role: "MODERATOR" });
    expect(await getSessionActor(user.sessionToken)).toEqual({ userId: user.id, role: "MODERATOR" });
  });

  it("returns null for an expired session", async () => {
    const user = await seedUser({ databaseUrl: database.url, sessionExpires: new Date(Date.now() - 1000) });
    expect(await getSessionActor(user.sessionToken)).toBeNull();
  });

  it("returns null for a banned user's still-valid session", async () => {
    const user = await seedUser({ databaseUrl: database.url, banned: true });
    expect(await getSessionActor(user.sessionToken)).toBeNull();
  });

  it("returns null for an unknown token and for none", async () => {
    expect(await getSessionActor("no-such-token")).toBeNull();
    expect(await getSessionActor(null)).toBeNull();
  });
});

describe("getActor and requireActor", () => {
  it("read the Auth.js session cookie (authjs.session-token)", async () => {
    const user = await seedUser({ databaseUrl: database.url });
    jar.set("authjs.session-token", user.sessionToken);
    expect(await getActor()).toEqual({ userId: user.id, role: "CONTRIBUTOR" });
    expect(await requireActor("profile:edit-own")).toEqual({ userId: user.id, role: "CONTRIBUTOR" });
  });

  it("read the https cookie (__Secure-authjs.session-token) too", async () => {
    const user = await seedUser({ databaseUrl: database.url, role: "ADMIN", baseUrl: "https://careerwiki.example" });
    expect(user.cookie.name).toBe("__Secure-authjs.session-token");
    jar.set(user.cookie.name, user.cookie.value);
    expect(await getActor()).toEqual({ userId: user.id, role: "ADMIN" });
  });

  it("take effect at once when a user is banned", async () => {
    const user = await seedUser({ databaseUrl: database.url });
    jar.set("authjs.session-token", user.sessionToken);
    expect(await getActor()).not.toBeNull();
    const { prisma } = await import("@/lib/db/prisma");
    await prisma.user.update({ where: { id: user.id }, data: { bannedAt: new Date() } });
    expect(await getActor()).toBeNull();
    await expect(requireActor("profile:edit-own")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("requireActor throws UNAUTHENTICATED without a session", async () => {
    const error = await requireActor("profile:edit-own").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("requireActor throws FORBIDDEN when the role lacks the ability", async () => {
    const user = await seedUser({ databaseUrl: database.url, role: "CONTRIBUTOR" });
    jar.set("authjs.session-token", user.sessionToken);
    await expect(requireActor("moderation:decide")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const moderator = await seedUser({ databaseUrl: database.url, role: "MODERATOR" });
    jar.set("authjs.session-token", moderator.sessionToken);
    await expect(requireActor("moderation:decide")).resolves.toEqual({ userId: moderator.id, role: "MODERATOR" });
  });
});
