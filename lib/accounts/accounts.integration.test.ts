import { beforeEach, describe, expect, it } from "vitest";
import { findDisplayNames } from "@/lib/community/find-display-names";
import { prisma } from "@/lib/db/prisma";
import { findRecentChanges } from "@/lib/revisions/find-recent-changes";
import { findRevisions } from "@/lib/revisions/find-revisions";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { declineSubmission } from "@/lib/submissions/decline-submission";
import { reportNarrative } from "@/lib/submissions/report-narrative";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { submitNarrative } from "@/lib/submissions/submit-narrative";
import { setUserRole } from "@/lib/users/set-user-role";
import { createUser, descriptionCorrection, narrativeDoc, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { confirmAccountChange } from "./confirm-account-change";
import { exportMyData } from "./export-my-data";
import { getAccountChange } from "./get-account-change";
import { myDataToMarkdown } from "./my-data-to-markdown";
import { requestAccountDeletion } from "./request-account-deletion";
import { requestEmailChange } from "./request-email-change";

useTestDatabase();

process.env.SUBMISSIONS_PER_HOUR = "1000";
process.env.CAREERWIKI_DEV_MAILBOX = "1";
delete process.env.EMAIL_SERVER;

/** The token of the newest confirmation link sent to `to` (development mailbox: no SMTP in this file). */
async function linkTokenFor(to: string): Promise<string> {
  const message = await prisma.devMailboxMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  return new URL(message.url).searchParams.get("token")!;
}

/** Each test's own client address, so the per-address limit of one never counts another's. */
let IP = "";
beforeEach(() => {
  IP = `192.0.2.${Math.floor(Math.random() * 250)}-${Math.random().toString(36).slice(2, 6)}`;
});

const NARRATIVE_TEXT = "I have calibrated widgets in a busy workshop for nine years, mostly on night shifts. ";

/** A contributor with a bit of everything: profile, a published narrative and correction, a pending and a declined correction, a report, a notification, a session. */
async function contributorWithHistory() {
  const suffix = Math.random().toString(36).slice(2, 8);
  const { code } = await seedOccupation(`99-${String(1000 + Math.floor(Math.random() * 8999))}.00`, `Test Account Page ${suffix}`);
  const author = await createUser("CONTRIBUTOR", `Author ${suffix}`);
  const moderator = await createUser("MODERATOR");
  const { email } = await prisma.user.findUniqueOrThrow({ where: { id: author.userId } });
  await prisma.profile.create({ data: { userId: author.userId, displayName: `Pat ${suffix}`, jobTitle: "Widget calibrator", bio: `My private bio ${suffix}`, region: "Ohio" } });
  await prisma.session.create({ data: { sessionToken: `session-${suffix}`, userId: author.userId, expires: new Date(Date.now() + 86_400_000) } });
  const narrative = await submitNarrative({ actor: author, input: { occupationCode: code, doc: narrativeDoc(NARRATIVE_TEXT.repeat(3)), yearsInRole: 9, promptAnswers: { advice: `Keep a log ${suffix}` } } });
  await approveSubmission({ actor: moderator, submissionId: narrative.id });
  const approved = await submitCorrection({ actor: author, input: descriptionCorrection(code, `An approved description ${suffix} of the widget work.`) });
  await approveSubmission({ actor: moderator, submissionId: approved.id, applyAnyway: true });
  const declined = await submitCorrection({ actor: author, input: descriptionCorrection(code, `A declined description ${suffix} of the widget work.`) });
  await declineSubmission({ actor: moderator, input: { submissionId: declined.id, reason: "other", message: `Declined because ${suffix} needs a source.` } });
  const pending = await submitCorrection({ actor: author, input: descriptionCorrection(code, `A pending description ${suffix} of the widget work.`) });
  const someoneElses = await submitNarrative({ actor: moderator, input: { occupationCode: code, doc: narrativeDoc(NARRATIVE_TEXT.repeat(3)), yearsInRole: 2 } });
  await approveSubmission({ actor: await createUser("MODERATOR"), submissionId: someoneElses.id });
  await reportNarrative({ actor: author, input: { submissionId: someoneElses.id, reason: `Reported because ${suffix} is an advert` } });
  return { code, suffix, author, email, moderator, ids: { narrative: narrative.id, approved: approved.id, declined: declined.id, pending: pending.id } };
}

describe("Download my data", () => {
  it("contains everything the person wrote and was told, and nobody else's", async () => {
    const { author, email, suffix, ids } = await contributorWithHistory();
    const other = await contributorWithHistory();
    const data = await exportMyData({ actor: author });
    const json = JSON.stringify(data);
    for (const text of [email, `Pat ${suffix}`, `My private bio ${suffix}`, `An approved description ${suffix}`, `A declined description ${suffix}`, `A pending description ${suffix}`, `Declined because ${suffix} needs a source.`, `Keep a log ${suffix}`, `Reported because ${suffix} is an advert`, "nine years"]) {
      expect(json, text).toContain(text);
    }
    expect(data.submissions.map((s) => [s.id, s.status])).toEqual([
      [ids.narrative, "APPROVED"],
      [ids.approved, "APPROVED"],
      [ids.declined, "DECLINED"],
      [ids.pending, "PENDING"],
    ]);
    expect(data.notifications.map((n) => n.kind).sort()).toEqual(["SUBMISSION_APPROVED", "SUBMISSION_APPROVED", "SUBMISSION_DECLINED"]);
    expect(data.signIns).toHaveLength(1);
    // Nothing of the other contributor.
    expect(json).not.toContain(other.email);
    expect(json).not.toContain(other.suffix);

    const markdown = myDataToMarkdown(data);
    for (const text of [email, `My private bio ${suffix}`, `A declined description ${suffix}`, `Declined because ${suffix} needs a source.`, "nine years", `Keep a log ${suffix}`, `Reported because ${suffix} is an advert`]) {
      expect(markdown, text).toContain(text);
    }
    // The narrative's own heading sits below the submission's.
    expect(markdown).toMatch(/^#### My work$/m);
  });
});

describe("Delete my account", () => {
  it("needs the link sent to the address, then erases personal data and keeps the history explainable", async () => {
    const { author, email, code, suffix, ids } = await contributorWithHistory();
    await setUserRole({ email, role: "CONTRIBUTOR" }); // an operator's earlier audit entry that names the address
    await prisma.user.update({ where: { id: author.userId }, data: { role: "MODERATOR" } });
    await setUserRole({ email, role: "CONTRIBUTOR" });

    const revisionsBefore = await findRevisions(code);
    await requestAccountDeletion({ actor: author, input: { withdrawNarratives: false } });
    const token = await linkTokenFor(email);
    // Asking changes nothing yet; the page shows what the link will do.
    expect(await getAccountChange({ token })).toEqual({ kind: "DELETE_ACCOUNT", withdrawNarratives: false });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: author.userId } })).deletedAt).toBeNull();

    const result = await confirmAccountChange({ token, ip: IP });
    expect(result).toEqual({ kind: "DELETE_ACCOUNT", occupationCodes: [code] });

    // Personal data gone.
    const user = await prisma.user.findUniqueOrThrow({ where: { id: author.userId } });
    expect([user.email, user.name, user.emailVerified, user.deletedAt !== null]).toEqual([`deleted-${author.userId}@deleted.invalid`, null, null, true]);
    expect(await prisma.profile.count({ where: { userId: author.userId } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: author.userId } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: author.userId } })).toBe(0);
    expect(await prisma.devMailboxMessage.count({ where: { to: email } })).toBe(0);
    const everyAuditEntry = JSON.stringify(await prisma.auditEntry.findMany({ where: { OR: [{ targetId: author.userId }, { actorId: author.userId }] } }));
    expect(everyAuditEntry).not.toContain(email);
    expect(everyAuditEntry).not.toContain(`Pat ${suffix}`);
    const deletion = await prisma.auditEntry.findFirstOrThrow({ where: { action: "user.delete", targetId: author.userId } });
    expect(deletion.after).toEqual({ withdrawnSubmissions: 1, withdrawnNarratives: 0 });

    // History stays: the published narrative and correction, attributed to a former contributor.
    const statuses = Object.fromEntries((await prisma.submission.findMany({ where: { authorId: author.userId }, select: { id: true, status: true } })).map((s) => [s.id, s.status]));
    expect(statuses).toEqual({ [ids.narrative]: "APPROVED", [ids.approved]: "APPROVED", [ids.declined]: "DECLINED", [ids.pending]: "WITHDRAWN" });
    expect((await findDisplayNames([author.userId])).get(author.userId)?.displayName).toBe("A former contributor");
    // Every revision of the page is still there, pointing at the same submissions.
    expect((await findRevisions(code)).map((r) => [r.number, r.submissionId])).toEqual(revisionsBefore.map((r) => [r.number, r.submissionId]));
    expect(revisionsBefore.map((r) => r.submissionId)).toEqual(expect.arrayContaining([ids.narrative, ids.approved]));

    // The link works once; the address is free to sign up again.
    await expect(confirmAccountChange({ token, ip: IP })).rejects.toThrow("This link has expired or was already used.");
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("takes the published narratives off their pages when the person asks, as revisions of the page", async () => {
    const { author, email, code, ids } = await contributorWithHistory();
    await requestAccountDeletion({ actor: author, input: { withdrawNarratives: true } });
    await confirmAccountChange({ token: await linkTokenFor(email), ip: IP });
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: ids.narrative } })).status).toBe("WITHDRAWN");
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: ids.approved } })).status).toBe("APPROVED");
    const withdrawal = await prisma.revision.findFirstOrThrow({ where: { occupationCode: code, kind: "WITHDRAWAL" } });
    expect([withdrawal.submissionId, withdrawal.actorId, withdrawal.after]).toEqual([ids.narrative, author.userId, { published: false }]);
    expect(await prisma.auditEntry.count({ where: { action: "narrative.withdraw", targetId: ids.narrative } })).toBe(1);
    // /changes says what happened: withdrawn, not published.
    expect((await findRecentChanges(10)).find((change) => change.number === withdrawal.number && change.occupationCode === code)?.summary).toBe("A practitioner narrative was withdrawn by its author.");
  });

  it("refuses a token that is made up or expired", async () => {
    const { author, email } = await contributorWithHistory();
    await requestAccountDeletion({ actor: author, input: { withdrawNarratives: false } });
    const token = await linkTokenFor(email);
    await expect(confirmAccountChange({ token: "a".repeat(43), ip: IP })).rejects.toThrow("This link has expired or was already used.");
    await expect(confirmAccountChange({ token, ip: IP, now: new Date(Date.now() + 2 * 3600_000) })).rejects.toThrow("This link has expired or was already used.");
    expect(await getAccountChange({ token: "<script>" })).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: author.userId } })).deletedAt).toBeNull();
  });
});

describe("Changing the sign-in address", () => {
  it("changes only once the link sent to the new address is followed, audited", async () => {
    const { author, email } = await contributorWithHistory();
    const newEmail = `new-${Math.random().toString(36).slice(2, 8)}@example.test`;
    await requestEmailChange({ actor: author, input: { newEmail: ` ${newEmail.toUpperCase()} ` } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: author.userId } })).email).toBe(email);
    const token = await linkTokenFor(newEmail);
    expect(await getAccountChange({ token })).toEqual({ kind: "CHANGE_EMAIL", newEmail });
    expect(await confirmAccountChange({ token, ip: IP })).toEqual({ kind: "CHANGE_EMAIL", email: newEmail });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: author.userId } })).email).toBe(newEmail);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "user.change-email", targetId: author.userId } });
    expect([audit.before, audit.after]).toEqual([{ email }, { email: newEmail }]);
    await expect(requestEmailChange({ actor: author, input: { newEmail } })).rejects.toThrow("That is already your sign-in address.");
    await expect(requestEmailChange({ actor: author, input: { newEmail: "not an address" } })).rejects.toThrow("Enter a valid email address");
  });

  it("refuses an address another account took in the meantime", async () => {
    const { author } = await contributorWithHistory();
    const newEmail = `taken-${Math.random().toString(36).slice(2, 8)}@example.test`;
    await requestEmailChange({ actor: author, input: { newEmail } });
    await prisma.user.create({ data: { email: newEmail } });
    await expect(confirmAccountChange({ token: await linkTokenFor(newEmail), ip: IP })).rejects.toThrow("That address already belongs to another account.");
  });
});

describe("limits", () => {
  it("refuse confirmation links past ACCOUNT_EMAILS_PER_HOUR, exports past DATA_EXPORTS_PER_HOUR and confirmations past ACCOUNT_CONFIRMATIONS_PER_IP_PER_HOUR, saying so", async () => {
    const person = await createUser("CONTRIBUTOR");
    process.env.ACCOUNT_EMAILS_PER_HOUR = "1";
    process.env.DATA_EXPORTS_PER_HOUR = "1";
    process.env.ACCOUNT_CONFIRMATIONS_PER_IP_PER_HOUR = "1";
    try {
      await requestAccountDeletion({ actor: person, input: { withdrawNarratives: false } });
      await expect(requestEmailChange({ actor: person, input: { newEmail: "elsewhere@example.test" } })).rejects.toThrow(/^We have sent the most confirmation links allowed in one hour \(1\)\. Try again in/);
      await exportMyData({ actor: person });
      await expect(exportMyData({ actor: person })).rejects.toThrow(/^You have downloaded your data the most times allowed in one hour \(1\)\./);
      await expect(confirmAccountChange({ token: "b".repeat(43), ip: IP })).rejects.toThrow("This link has expired or was already used.");
      await expect(confirmAccountChange({ token: "c".repeat(43), ip: IP })).rejects.toThrow(/^Too many confirmation links were used from your network\. Try again in/);
    } finally {
      delete process.env.ACCOUNT_EMAILS_PER_HOUR;
      delete process.env.DATA_EXPORTS_PER_HOUR;
      delete process.env.ACCOUNT_CONFIRMATIONS_PER_IP_PER_HOUR;
    }
  });
});
