import { describe, expect, it } from "vitest";
import { describeRoleChange, parseUserRoleArgs } from "@/scripts/user-role-args";
import { prisma } from "@/lib/db/prisma";
import { claimSubmission } from "@/lib/submissions/claim-submission";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
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

    expect(await prisma.user.count({ where: { email: "first.admin@example.org" } })).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "first.admin@example.org" } })).role).toBe("MODERATOR");
    // Each change, and only a change, is in the audit log as the operator's.
    const audit = await prisma.auditEntry.findMany({ where: { targetType: "user", targetId: created.userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audit.map((entry) => [entry.actorId, entry.action, entry.before, entry.after])).toEqual([
      ["operator", "user.role-change", null, { email: "first.admin@example.org", role: "ADMIN" }],
      ["operator", "user.role-change", { role: "ADMIN" }, { email: "first.admin@example.org", role: "MODERATOR" }],
    ]);
  });

  it("releases the claims of a moderator who is demoted, in the same transaction, audited", async () => {
    process.env.SUBMISSIONS_PER_HOUR = "1000";
    const { code } = await seedOccupation("99-0002.00", "Test Claim Keepers");
    const moderator = await setUserRole({ email: "demoted.moderator@example.org", role: "MODERATOR" });
    const author = await createUser("CONTRIBUTOR");
    const claimed = [];
    for (const text of ["A first correction the moderator claimed.", "A second correction the moderator claimed."]) {
      const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code, text) });
      await claimSubmission({ actor: { userId: moderator.userId, role: "MODERATOR" }, submissionId: submission.id });
      claimed.push(submission.id);
    }

    const stillModerator = await setUserRole({ email: "demoted.moderator@example.org", role: "ADMIN" });
    expect(stillModerator.releasedClaims).toEqual([]);
    expect(await prisma.submission.count({ where: { claimedById: moderator.userId } })).toBe(2);

    const demoted = await setUserRole({ email: "demoted.moderator@example.org", role: "CONTRIBUTOR" });
    expect([...demoted.releasedClaims].sort()).toEqual([...claimed].sort());
    expect(describeRoleChange(demoted)).toBe("demoted.moderator@example.org: admin → contributor. Released their 2 claims on queue items.");
    expect(await prisma.submission.count({ where: { id: { in: claimed }, claimedById: null, claimExpiresAt: null, status: "PENDING" } })).toBe(2);
    const releases = await prisma.auditEntry.findMany({ where: { targetId: { in: claimed }, action: "submission.release-claim" } });
    expect(releases.map((entry) => [entry.actorId, entry.after])).toEqual([
      ["operator", { claimedById: null, reason: "role-removed" }],
      ["operator", { claimedById: null, reason: "role-removed" }],
    ]);
    const roleChange = await prisma.auditEntry.findFirstOrThrow({ where: { targetId: moderator.userId, action: "user.role-change" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(roleChange.after).toEqual({ email: "demoted.moderator@example.org", role: "CONTRIBUTOR", releasedClaims: demoted.releasedClaims });
  });
});
