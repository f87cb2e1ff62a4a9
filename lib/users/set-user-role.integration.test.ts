import { describe, expect, it } from "vitest";
import { describeRoleChange, parseUserRoleArgs } from "@/scripts/user-role-args";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { setUserRole } from "./set-user-role";

useTestDatabase();

describe("npm run user:role arguments", () => {
  it("normalise the address and accept a role in any case", () => {
    expect(parseUserRoleArgs([" First.Admin@Example.ORG ", "Admin"])).toEqual({ ok: true, email: "first.admin@example.org", role: "ADMIN" });
  });

  it("explain what is wrong", () => {
    expect(parseUserRoleArgs(["not-an-email", "boss"])).toEqual({
      ok: false,
      errors: ['"not-an-email" is not an email address.', '"boss" is not a role: use one of contributor, moderator, admin.'],
    });
    expect(parseUserRoleArgs([])).toEqual({ ok: false, errors: ["Usage: npm run user:role -- <email> <contributor|moderator|admin>"] });
    expect(parseUserRoleArgs(["a@example.org", "admin", "extra"]).ok).toBe(false);
  });
});

describe("setUserRole", () => {
  it("creates a missing user with the role, then changes it, and says what changed", async () => {
    const created = await setUserRole({ email: "first.admin@example.org", role: "ADMIN" });
    expect(created).toMatchObject({ created: true, previousRole: null, role: "ADMIN", changed: true });
    expect(describeRoleChange(created)).toBe("Created first.admin@example.org as admin. They sign in with a magic link sent to that address.");

    const same = await setUserRole({ email: "first.admin@example.org", role: "ADMIN" });
    expect(same).toMatchObject({ userId: created.userId, created: false, changed: false });
    expect(describeRoleChange(same)).toBe("first.admin@example.org is already admin: nothing changed.");

    const demoted = await setUserRole({ email: "first.admin@example.org", role: "MODERATOR" });
    expect(demoted).toMatchObject({ userId: created.userId, previousRole: "ADMIN", role: "MODERATOR", changed: true });
    expect(describeRoleChange(demoted)).toBe("first.admin@example.org: admin → moderator.");

    const { prisma } = await import("@/lib/db/prisma");
    expect(await prisma.user.count({ where: { email: "first.admin@example.org" } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "first.admin@example.org" } })).role).toBe("MODERATOR");
    // Each change, and only a change, is in the audit log as the operator's.
    const audit = await prisma.auditEntry.findMany({ where: { targetType: "user", targetId: created.userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audit.map((entry) => [entry.actorId, entry.action, entry.before, entry.after])).toEqual([
      ["operator", "user.role-change", null, { email: "first.admin@example.org", role: "ADMIN" }],
      ["operator", "user.role-change", { role: "ADMIN" }, { email: "first.admin@example.org", role: "MODERATOR" }],
    ]);
  });
});
