import { describe, expect, it } from "vitest";
import { buildAuthConfig } from "@/lib/auth/auth";
import { getSessionActor } from "@/lib/auth/get-session-actor";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { prisma } from "@/lib/db/prisma";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { setUserRole } from "@/lib/users/set-user-role";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { cleanUpSpam, SPAM_REASON } from "./clean-up-spam";
import { findPeople } from "./find-people";
import { getPerson } from "./get-person";
import { liftSuspension } from "./lift-suspension";
import { suspendUser } from "./suspend-user";

useTestDatabase();

process.env.SUBMISSIONS_PER_HOUR = "1000";
process.env.AUTH_SECRET ??= "integration-test-secret";

async function withSession(userId: string) {
  const token = `token-${userId}-${Math.random().toString(36).slice(2)}`;
  await prisma.session.create({ data: { sessionToken: token, userId, expires: new Date("2099-12-31T00:00:00Z") } });
  return token;
}

async function pendingCorrections(authorId: string, role: "CONTRIBUTOR" | "MODERATOR" | "ADMIN", count: number) {
  const { code } = await seedOccupation(`99-${String(1000 + Math.floor(Math.random() * 8999))}.00`, `Test People Page ${Math.random().toString(36).slice(2, 8)}`);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await submitCorrection({ actor: { userId: authorId, role }, input: descriptionCorrection(code, `Spam correction number ${i} with enough words to pass.`) })).id);
  return ids;
}

const auditOf = (targetId: string) => prisma.auditEntry.findMany({ where: { targetId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { actorId: true, action: true, before: true, after: true } });

describe("suspending an account", () => {
  it("revokes its sessions at once, keeps its pending submissions when asked, and is audited", async () => {
    const moderator = await createUser("MODERATOR");
    const member = await createUser("CONTRIBUTOR");
    const tokens = [await withSession(member.userId), await withSession(member.userId)];
    const pending = await pendingCorrections(member.userId, "CONTRIBUTOR", 2);
    expect(await getSessionActor(tokens[0]!)).toEqual({ userId: member.userId, role: "CONTRIBUTOR" });

    const result = await suspendUser({ actor: moderator, input: { userId: member.userId, reason: "Rude replies to other members", until: "2099-01-31", pending: "keep" } });
    expect(result).toMatchObject({ sessionsRevoked: 2, declined: [] });
    // Signed out everywhere on the next request: the session rows are gone.
    expect(await prisma.session.count({ where: { userId: member.userId } })).toBe(0);
    for (const token of tokens) expect(await getSessionActor(token)).toBeNull();
    // A session made afterwards (a link followed in between) does not work either.
    expect(await getSessionActor(await withSession(member.userId))).toBeNull();
    expect((await prisma.submission.findMany({ where: { id: { in: pending } }, select: { status: true } })).map((s) => s.status)).toEqual(["PENDING", "PENDING"]);

    const user = await prisma.user.findUniqueOrThrow({ where: { id: member.userId } });
    expect([user.banReason, user.bannedUntil?.toISOString(), user.bannedById]).toEqual(["Rude replies to other members", "2099-01-31T00:00:00.000Z", moderator.userId]);
    expect(await auditOf(member.userId)).toEqual([
      { actorId: moderator.userId, action: "user.suspend", before: null, after: { reason: "Rude replies to other members", until: "2099-01-31T00:00:00.000Z", pending: "keep", sessionsRevoked: 2, declined: 0 } },
    ]);
    const person = await getPerson({ actor: moderator, userId: member.userId });
    expect(person?.suspension).toMatchObject({ reason: "Rude replies to other members" });
    expect(person?.contributions).toEqual({ approved: 0, declined: 0, pending: 2, reported: 0 });

    // Lifting is audited too, and the account works again.
    await liftSuspension({ actor: moderator, userId: member.userId });
    expect(await getSessionActor(await withSession(member.userId))).toEqual({ userId: member.userId, role: "CONTRIBUTOR" });
    expect((await auditOf(member.userId)).map((entry) => [entry.action, entry.after])).toEqual([
      ["user.suspend", expect.anything()],
      ["user.lift-suspension", { ended: "lifted early" }],
    ]);
  });

  it("refuses the suspended account's sign-in and tells them why and until when", async () => {
    const moderator = await createUser("MODERATOR");
    const member = await createUser("CONTRIBUTOR");
    const { email } = await prisma.user.findUniqueOrThrow({ where: { id: member.userId }, select: { email: true } });
    await suspendUser({ actor: moderator, input: { userId: member.userId, reason: "Posting the same link on every page", until: "2099-06-01", pending: "keep" } });
    const signIn = buildAuthConfig({}).callbacks!.signIn!;
    const followedLink = await signIn({ user: { email }, account: null } as Parameters<typeof signIn>[0]);
    expect(typeof followedLink).toBe("string");
    const params = new URL(String(followedLink), "http://localhost").searchParams;
    expect(signInErrorMessage(params)).toBe(
      "This account is suspended until 2099-06-01 00:00 UTC. Reason: Posting the same link on every page If you think this is a mistake, contact the moderators.",
    );
    // A notice someone edited is not believed: only the generic refusal shows.
    params.set("notice", `${params.get("notice")!.split(".")[0]}x.${params.get("notice")!.split(".")[1]}`);
    expect(signInErrorMessage(params)).toBe("This account is suspended. If you think this is a mistake, contact the moderators.");
  });

  it("stops applying by itself once its end date has passed", async () => {
    const moderator = await createUser("MODERATOR");
    const member = await createUser("CONTRIBUTOR");
    const then = new Date("2030-01-01T00:00:00Z");
    await suspendUser({ actor: moderator, input: { userId: member.userId, reason: "A short cooling-off period", until: "2030-01-08", pending: "keep" }, now: then });
    const token = await withSession(member.userId);
    expect(await getSessionActor(token, new Date("2030-01-07T23:59:00Z"))).toBeNull();
    expect(await getSessionActor(token, new Date("2030-01-08T00:00:01Z"))).toEqual({ userId: member.userId, role: "CONTRIBUTOR" });
  });

  it("lets moderators suspend contributors only, admins anyone, and nobody themselves", async () => {
    const moderator = await createUser("MODERATOR");
    const otherModerator = await createUser("MODERATOR");
    const admin = await createUser("ADMIN");
    const contributor = await createUser("CONTRIBUTOR");
    const input = (userId: string) => ({ userId, reason: "Testing who may suspend whom", pending: "keep" });
    await expect(suspendUser({ actor: moderator, input: input(otherModerator.userId) })).rejects.toThrow("Only an admin may suspend a moderator or an admin.");
    await expect(suspendUser({ actor: moderator, input: input(moderator.userId) })).rejects.toThrow("You cannot suspend yourself.");
    await expect(suspendUser({ actor: admin, input: input(admin.userId) })).rejects.toThrow("You cannot suspend yourself.");
    await expect(suspendUser({ actor: contributor, input: input(moderator.userId) })).rejects.toThrow("Your role (contributor) may not suspend accounts, lift suspensions and clean up spam.");
    await expect(suspendUser({ actor: moderator, input: { ...input(contributor.userId), until: "2001-01-01" } })).rejects.toThrow("The end date must be in the future.");
    await expect(suspendUser({ actor: moderator, input: { ...input(contributor.userId), reason: " " } })).rejects.toThrow("Say why in a few words (at least 5 characters): the person sees it when they try to sign in.");
    expect(await prisma.auditEntry.count({ where: { action: "user.suspend" , targetId: { in: [otherModerator.userId, moderator.userId, admin.userId, contributor.userId] } } })).toBe(0);
    // An admin suspends a moderator; their claims are released with it.
    const result = await suspendUser({ actor: admin, input: input(otherModerator.userId) });
    expect(result.until).toBeNull();
  });
});

describe("cleaning up spam", () => {
  it("suspends and declines every undecided submission in one step, one audit entry per item", async () => {
    const moderator = await createUser("MODERATOR");
    const spammer = await createUser("CONTRIBUTOR");
    await withSession(spammer.userId);
    const pending = await pendingCorrections(spammer.userId, "CONTRIBUTOR", 3);
    await prisma.submission.update({ where: { id: pending[2]! }, data: { status: "CHANGES_REQUESTED" } });

    const result = await cleanUpSpam({ actor: moderator, userId: spammer.userId });
    expect(new Set(result.declined)).toEqual(new Set(pending));
    const rows = await prisma.submission.findMany({ where: { id: { in: pending } }, select: { status: true, decidedById: true, decisionMessage: true } });
    for (const row of rows) {
      expect(row).toMatchObject({ status: "DECLINED", decidedById: moderator.userId });
      expect(row.decisionMessage).toContain(SPAM_REASON);
    }
    for (const id of pending) expect((await auditOf(id)).filter((entry) => entry.action === "submission.decline")).toHaveLength(1);
    expect((await auditOf(spammer.userId)).map((entry) => entry.action)).toEqual(["user.suspend"]);
    expect(await prisma.session.count({ where: { userId: spammer.userId } })).toBe(0);
    // The person is told in the app (no email: a suspended account gets none).
    expect(await prisma.notification.count({ where: { userId: spammer.userId, kind: "SUBMISSION_DECLINED" } })).toBe(3);
  });

  it("changes nothing at all when one item cannot be declined", async () => {
    const moderator = await createUser("MODERATOR");
    const spammer = await createUser("CONTRIBUTOR");
    await withSession(spammer.userId);
    const pending = await pendingCorrections(spammer.userId, "CONTRIBUTOR", 3);
    // A fault in the database on the last item (a trigger refusing its update): the whole step rolls back.
    await prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_one_decline() RETURNS trigger AS $$ BEGIN IF NEW.id = '${pending[2]}' AND NEW.status = 'DECLINED' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_one_decline BEFORE UPDATE ON "Submission" FOR EACH ROW EXECUTE FUNCTION refuse_one_decline()`);
    try {
      await expect(cleanUpSpam({ actor: moderator, userId: spammer.userId })).rejects.toThrow();
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_one_decline ON "Submission"`);
    }
    expect((await prisma.submission.findMany({ where: { id: { in: pending } }, select: { status: true } })).map((s) => s.status)).toEqual(["PENDING", "PENDING", "PENDING"]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: spammer.userId } })).bannedAt).toBeNull();
    expect(await prisma.session.count({ where: { userId: spammer.userId } })).toBe(1);
    expect(await prisma.auditEntry.count({ where: { targetId: { in: [...pending, spammer.userId] }, action: { not: "submission.submit" } } })).toBe(0);
  });
});

describe("limits", () => {
  it("refuse a moderator's account changes past PEOPLE_ACTIONS_PER_HOUR with a clear message", async () => {
    const moderator = await createUser("MODERATOR");
    process.env.PEOPLE_ACTIONS_PER_HOUR = "1";
    try {
      await suspendUser({ actor: moderator, input: { userId: (await createUser("CONTRIBUTOR")).userId, reason: "First within the limit", pending: "keep" } });
      const refused = await suspendUser({ actor: moderator, input: { userId: (await createUser("CONTRIBUTOR")).userId, reason: "Second over the limit", pending: "keep" } }).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/^You have changed the most accounts allowed in one hour \(1\)\. Try again in \d+ (seconds|minutes)\.$/) });
    } finally {
      delete process.env.PEOPLE_ACTIONS_PER_HOUR;
    }
  });
});

describe("finding people and changing roles", () => {
  it("finds accounts by name or address, a page at a time, with their contributions", async () => {
    const moderator = await createUser("MODERATOR");
    const found = await createUser("CONTRIBUTOR", "Findable Fiona");
    await pendingCorrections(found.userId, "CONTRIBUTOR", 1);
    const byName = await findPeople({ actor: moderator, query: { q: "findable", page: 1 } });
    expect(byName.people.map((p) => [p.id, p.name, p.contributions.pending])).toEqual([[found.userId, "Findable Fiona", 1]]);
    // Never signed in, but sent a submission: that is when they were last active.
    expect(byName.people[0]?.lastActive).toEqual(expect.any(Date));
    const { email } = await prisma.user.findUniqueOrThrow({ where: { id: found.userId } });
    expect((await findPeople({ actor: moderator, query: { q: email.toUpperCase(), page: 1 } })).people.map((p) => p.id)).toEqual([found.userId]);
    const all = await findPeople({ actor: moderator, query: { page: 1 } });
    expect(all.total).toBeGreaterThan(1);
    await expect(findPeople({ actor: await createUser("CONTRIBUTOR"), query: { page: 1 } })).rejects.toThrow("may not find accounts");
  });

  it("lets an admin change a role from the page, audited as the command does, never their own", async () => {
    const admin = await createUser("ADMIN");
    const member = await createUser("CONTRIBUTOR");
    const { email } = await prisma.user.findUniqueOrThrow({ where: { id: member.userId } });
    const result = await setUserRole({ actor: admin, userId: member.userId, role: "MODERATOR" });
    expect(result).toMatchObject({ changed: true, previousRole: "CONTRIBUTOR", role: "MODERATOR" });
    expect(await auditOf(member.userId)).toEqual([{ actorId: admin.userId, action: "user.role-change", before: { role: "CONTRIBUTOR" }, after: { email, role: "MODERATOR" } }]);
    await expect(setUserRole({ actor: admin, userId: admin.userId, role: "CONTRIBUTOR" })).rejects.toThrow("You cannot change your own role");
    await expect(setUserRole({ actor: await createUser("MODERATOR"), userId: member.userId, role: "ADMIN" })).rejects.toThrow("Your role (moderator) may not change people's roles.");
    await expect(setUserRole({ actor: admin, userId: "no-such-user", role: "ADMIN" })).rejects.toThrow("That account does not exist.");
  });
});
