import { beforeAll, describe, expect, it } from "vitest";
import { findPublishedNarratives } from "@/lib/community/find-published-narratives";
import { prisma } from "@/lib/db/prisma";
import { exportMyData } from "@/lib/accounts/export-my-data";
import { AppError } from "@/lib/errors";
import { findNotifications } from "@/lib/notifications/find-notifications";
import { summarisePeople } from "@/lib/people/person-summary";
import { getPublicProfile } from "@/lib/profiles/get-public-profile";
import { updateProfileVisibility } from "@/lib/profiles/update-profile-visibility";
import { findRevisions } from "@/lib/revisions/find-revisions";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { declineSubmission } from "@/lib/submissions/decline-submission";
import { findQueue } from "@/lib/submissions/find-queue";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { confirmWorkEmail, getWorkEmailConfirmation } from "./confirm-work-email";
import { findPractitionerReviews } from "./find-practitioner-reviews";
import { findReviewableSubmissions } from "./find-reviewable-submissions";
import { findVerificationRequests } from "./find-verification-requests";
import { findVerifiedBadges } from "./find-verified-badges";
import { grantVerification } from "./grant-verification";
import { refuseVerification } from "./refuse-verification";
import { requestVerification } from "./request-verification";
import { reviewSubmission } from "./review-submission";
import { revokeVerification } from "./revoke-verification";

useTestDatabase();

process.env.SUBMISSIONS_PER_HOUR = "1000";
process.env.PEOPLE_ACTIONS_PER_HOUR = "1000";
process.env.ACCOUNT_EMAILS_PER_HOUR = "1000";
process.env.ACCOUNT_CONFIRMATIONS_PER_IP_PER_HOUR = "1000";
process.env.PRACTITIONER_REVIEWS_PER_HOUR = "1000";
// No SMTP in this file: links go to the development mailbox, where the test reads them.
process.env.CAREERWIKI_DEV_MAILBOX = "1";

/** Two occupations of family 29-1100, one of 29-2000. */
const NURSES = { code: "29-1141.00", title: "Registered Nurses" };
const PRACTITIONERS = { code: "29-1171.00", title: "Nurse Practitioners" };
const TECHS = { code: "29-2061.00", title: "Licensed Practical Nurses" };

beforeAll(async () => {
  for (const o of [NURSES, PRACTITIONERS, TECHS]) await seedOccupation(o.code, o.title);
});

const credential = (occupationCode: string) => ({ occupationCode, credentialIssuer: "Ohio Board of Nursing", credentialNumber: "RN-123456", referenceUrl: "", workEmail: "", note: "" });
const auditOf = (targetId: string) => prisma.auditEntry.findMany({ where: { targetId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { actorId: true, action: true, occupationCode: true } });
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

/** A contributor verified for `occupationCode` by a fresh moderator. */
async function verifiedPractitioner(occupationCode: string, now = new Date()) {
  const practitioner = await createUser("CONTRIBUTOR");
  const moderator = await createUser("MODERATOR");
  const { verificationId } = await requestVerification({ actor: practitioner, input: credential(occupationCode), now });
  await grantVerification({ actor: moderator, input: { verificationId, reason: "Licence found in the state register." }, now });
  return { practitioner, moderator, verificationId };
}

describe("asking to be verified", () => {
  it("needs evidence, a known occupation and both parts of a credential, each with a message", async () => {
    const person = await createUser();
    const none = await requestVerification({ actor: person, input: { ...credential(NURSES.code), credentialIssuer: "", credentialNumber: "" } }).catch((e: unknown) => e);
    expect((none as AppError).fieldErrors?.form).toEqual(["Give at least one piece of evidence: a licence or credential (issuer and number), a reference link, or a work email address."]);
    const half = await requestVerification({ actor: person, input: { ...credential(NURSES.code), credentialNumber: "" } }).catch((e: unknown) => e);
    expect((half as AppError).fieldErrors?.credentialNumber).toEqual(["A licence or credential needs both its issuer and its number."]);
    const link = await requestVerification({ actor: person, input: { ...credential(NURSES.code), referenceUrl: "javascript:alert(1)" } }).catch((e: unknown) => e);
    expect((link as AppError).fieldErrors?.referenceUrl).toEqual(["The reference link must be a web address starting with http:// or https://."]);
    await expect(requestVerification({ actor: person, input: credential("29-9999.00") })).rejects.toMatchObject({ code: "INVALID_INPUT", message: "That occupation is not in Careerwiki." });
    await expect(requestVerification({ actor: null, input: credential(NURSES.code) })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await prisma.practitionerVerification.count({ where: { userId: person.userId } })).toBe(0);
  });

  it("keeps one pending request per occupation, even when two are sent at once", async () => {
    const person = await createUser();
    const results = await Promise.allSettled([requestVerification({ actor: person, input: credential(NURSES.code) }), requestVerification({ actor: person, input: credential(NURSES.code) })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", message: "You already have a request for Registered Nurses waiting for a moderator." });
    expect(await prisma.practitionerVerification.count({ where: { userId: person.userId, status: "PENDING" } })).toBe(1);
  });

  it("is limited per person (VERIFICATION_REQUESTS_PER_HOUR)", async () => {
    const person = await createUser();
    const now = new Date("2031-01-01T10:00:00Z");
    for (const code of [NURSES.code, PRACTITIONERS.code, TECHS.code]) await requestVerification({ actor: person, input: { ...credential(code), credentialNumber: `N-${code}` }, now });
    process.env.VERIFICATION_REQUESTS_PER_HOUR = "3";
    try {
      await expect(requestVerification({ actor: person, input: credential(NURSES.code), now })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    } finally {
      delete process.env.VERIFICATION_REQUESTS_PER_HOUR;
    }
  });

  it("confirms a work address by the link sent to it, once, and only before it expires", async () => {
    const person = await createUser();
    const now = new Date();
    const { verificationId, confirmationSentTo } = await requestVerification({ actor: person, input: { ...credential(NURSES.code), credentialIssuer: "", credentialNumber: "", workEmail: " Ada@Hospital.example " }, now });
    expect(confirmationSentTo).toBe("ada@hospital.example");
    const message = await prisma.devMailboxMessage.findFirstOrThrow({ where: { to: "ada@hospital.example" }, orderBy: { createdAt: "desc" } });
    const token = new URL(message.url).searchParams.get("token");
    expect(new URL(message.url).pathname).toBe("/me/verifications/confirm");
    // Only the hash is stored.
    const stored = await prisma.practitionerVerification.findUniqueOrThrow({ where: { id: verificationId } });
    expect(stored.workEmailTokenHash).not.toBe(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(await getWorkEmailConfirmation({ token })).toEqual({ workEmail: "ada@hospital.example", occupationTitle: "Registered Nurses" });
    await expect(confirmWorkEmail({ token, ip: "203.0.113.9", now: new Date(now.getTime() + 25 * 3600_000) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await confirmWorkEmail({ token, ip: "203.0.113.9" })).toEqual({ workEmail: "ada@hospital.example" });
    expect((await prisma.practitionerVerification.findUniqueOrThrow({ where: { id: verificationId } })).workEmailConfirmedAt).not.toBeNull();
    await expect(confirmWorkEmail({ token, ip: "203.0.113.9" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getWorkEmailConfirmation({ token })).toBeNull();
    expect(await auditOf(verificationId)).toEqual([{ actorId: person.userId, action: "verification.confirm-email", occupationCode: NURSES.code }]);
  });
});

describe("deciding on a verification", () => {
  it("grants with a reason: audited, notified, a badge until the period ends, evidence shown to moderators only", async () => {
    const person = await createUser();
    const moderator = await createUser("MODERATOR");
    const now = new Date();
    const { verificationId } = await requestVerification({ actor: person, input: credential(NURSES.code), now });
    const list = await findVerificationRequests({ actor: moderator });
    expect(list.pending.find((v) => v.id === verificationId)).toMatchObject({ credentialIssuer: "Ohio Board of Nursing", credentialNumber: "RN-123456", occupationTitle: "Registered Nurses" });
    await expect(findVerificationRequests({ actor: person })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const granted = await grantVerification({ actor: moderator, input: { verificationId, reason: "Licence found in the state register." }, now });
    expect(Math.round((granted.expiresAt.getTime() - now.getTime()) / 86_400_000)).toBe(730);
    expect(await auditOf(verificationId)).toEqual([{ actorId: moderator.userId, action: "verification.grant", occupationCode: NURSES.code }]);
    const notifications = await findNotifications({ actor: person });
    expect(notifications.items[0]).toMatchObject({ kind: "VERIFICATION_GRANTED", link: { href: "/me/verifications", label: "See your verifications" }, message: "Licence found in the state register." });
    expect((await findVerifiedBadges([person.userId])).get(person.userId)).toEqual([{ occupationCode: NURSES.code, title: "Registered Nurses" }]);
    const [summary] = await summarisePeople([person.userId]);
    expect(summary?.verifications).toEqual({ verified: ["Registered Nurses"], pending: 0 });
    // The person's own download has their request and its evidence.
    expect((await exportMyData({ actor: person })).verifications).toEqual([
      expect.objectContaining({ occupationCode: NURSES.code, status: "GRANTED", reason: "Licence found in the state register.", evidence: expect.objectContaining({ credentialNumber: "RN-123456" }) }),
    ]);
  });

  it("refuses nobody's own request, and refuses with the reason the requester reads", async () => {
    const moderator = await createUser("MODERATOR");
    const { verificationId } = await requestVerification({ actor: moderator, input: credential(NURSES.code) });
    await expect(grantVerification({ actor: moderator, input: { verificationId, reason: "It is me." } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(grantVerification({ actor: await createUser("CONTRIBUTOR"), input: { verificationId, reason: "Looks fine." } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await createUser("ADMIN");
    await refuseVerification({ actor: other, input: { verificationId, reason: "The licence number is not in the register." } });
    const row = await prisma.practitionerVerification.findUniqueOrThrow({ where: { id: verificationId } });
    expect([row.status, row.decisionReason, row.expiresAt]).toEqual(["REFUSED", "The licence number is not in the register.", null]);
    expect((await findNotifications({ actor: moderator })).items[0]).toMatchObject({ kind: "VERIFICATION_REFUSED", message: "The licence number is not in the register." });
    expect((await findVerifiedBadges([moderator.userId])).size).toBe(0);
    await expect(grantVerification({ actor: other, input: { verificationId, reason: "Changed my mind." } })).rejects.toMatchObject({ code: "ALREADY_DECIDED" });
  });

  it("lets exactly one of two moderators deciding at once win", async () => {
    for (let round = 0; round < 5; round++) {
      const person = await createUser();
      const [first, second] = [await createUser("MODERATOR"), await createUser("MODERATOR")];
      const { verificationId } = await requestVerification({ actor: person, input: credential(NURSES.code) });
      const results = await Promise.allSettled([
        grantVerification({ actor: first, input: { verificationId, reason: "Register entry matches." } }),
        refuseVerification({ actor: second, input: { verificationId, reason: "Could not find the licence." } }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(codeOf((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toBe("ALREADY_DECIDED");
      expect(await auditOf(verificationId)).toHaveLength(1);
      expect(await prisma.notification.count({ where: { verificationId } })).toBe(1);
    }
  });

  it("revokes with a reason: the badge goes at once, with any earlier grant still running", async () => {
    const now = new Date();
    const { practitioner, moderator, verificationId: first } = await verifiedPractitioner(NURSES.code, now);
    // Renewed early: a second grant beside the first.
    const { verificationId: renewal } = await requestVerification({ actor: practitioner, input: credential(NURSES.code), now });
    await grantVerification({ actor: moderator, input: { verificationId: renewal, reason: "Renewed." }, now });
    const other = await createUser("MODERATOR");
    await revokeVerification({ actor: other, input: { verificationId: renewal, reason: "The licence was suspended by the board." }, now });
    expect((await prisma.practitionerVerification.findMany({ where: { id: { in: [first, renewal] } }, select: { status: true } })).map((v) => v.status)).toEqual(["REVOKED", "REVOKED"]);
    expect((await findVerifiedBadges([practitioner.userId])).size).toBe(0);
    expect((await auditOf(renewal)).map((a) => a.action)).toEqual(["verification.grant", "verification.revoke"]);
    expect((await findNotifications({ actor: practitioner })).items[0]).toMatchObject({ kind: "VERIFICATION_REVOKED", message: "The licence was suspended by the board." });
    await expect(revokeVerification({ actor: other, input: { verificationId: renewal, reason: "Again." } })).rejects.toMatchObject({ code: "ALREADY_DECIDED" });
  });

  it("expires after VERIFICATION_VALID_DAYS: no badge, then a renewal brings it back", async () => {
    const longAgo = new Date(Date.now() - 800 * 86_400_000);
    const { practitioner, moderator } = await verifiedPractitioner(NURSES.code, longAgo);
    expect((await findVerifiedBadges([practitioner.userId], new Date(longAgo.getTime() + 86_400_000))).size).toBe(1);
    expect((await findVerifiedBadges([practitioner.userId])).size).toBe(0);
    const { verificationId } = await requestVerification({ actor: practitioner, input: credential(NURSES.code) });
    await grantVerification({ actor: moderator, input: { verificationId, reason: "Renewed: licence still valid." } });
    expect((await findVerifiedBadges([practitioner.userId])).get(practitioner.userId)).toHaveLength(1);
  });
});

describe("badges where the person's name shows", () => {
  it("on their published narrative, their corrections in the history and their public profile, by its switches", async () => {
    const { practitioner } = await verifiedPractitioner(NURSES.code);
    await prisma.profile.create({ data: { userId: practitioner.userId, displayName: "Nurse Ada", jobTitle: "Charge nurse", yearsExperience: 12, occupations: { create: [{ occupationCode: NURSES.code }] } } });
    const moderator = await createUser("MODERATOR");
    const correction = await submitCorrection({ actor: practitioner, input: descriptionCorrection(NURSES.code) });
    await approveSubmission({ actor: moderator, submissionId: correction.id });
    const narrative = await prisma.submission.create({
      data: { kind: "NARRATIVE", status: "APPROVED", occupationCode: NURSES.code, authorId: practitioner.userId, narrativeHtml: "<p>Night shifts.</p>", narrativeDoc: {}, decidedAt: new Date() },
    });
    const { number } = await prisma.user.findUniqueOrThrow({ where: { id: practitioner.userId }, select: { number: true } });

    const [published] = await findPublishedNarratives(NURSES.code, "registered-nurses");
    expect(published?.id).toBe(narrative.id);
    expect(published?.author).toEqual({ name: "Nurse Ada", jobTitle: "Charge nurse", badges: ["Verified practitioner: Registered Nurses"], profileHref: `/people/${number}` });
    const history = await findRevisions(NURSES.code);
    expect(history.find((r) => r.submissionId === correction.id)?.author).toEqual({ name: "Nurse Ada", badges: ["Verified practitioner: Registered Nurses"], profileHref: `/people/${number}` });

    // Defaults: the display name and badges only.
    const profile = await getPublicProfile({ number });
    expect(profile).toEqual({ number, displayName: "Nurse Ada", badges: [{ label: "Verified practitioner: Registered Nurses", occupationCode: NURSES.code }], jobTitle: null, yearsExperience: null, occupations: null, contributions: null });
    await updateProfileVisibility({ actor: practitioner, input: { publicPage: "on", showJobTitle: "on", showYears: "on", showOccupations: "on", showApproved: "on" } });
    const full = await getPublicProfile({ number });
    expect(full).toMatchObject({ jobTitle: "Charge nurse", yearsExperience: 12, occupations: [{ code: NURSES.code, title: "Registered Nurses", slug: "registered-nurses" }] });
    expect(full?.contributions?.map((c) => c.href).sort()).toEqual([`/roles/registered-nurses#narrative-${narrative.id}`, `/roles/registered-nurses/history#r1`].sort());
    // The evidence and the address never show.
    expect(JSON.stringify(full)).not.toMatch(/RN-123456|Ohio Board|example\.test/);

    await updateProfileVisibility({ actor: practitioner, input: { publicPage: undefined, showJobTitle: "on", showYears: undefined, showOccupations: undefined, showApproved: undefined } });
    expect(await getPublicProfile({ number })).toBeNull();
    expect((await findPublishedNarratives(NURSES.code, "registered-nurses"))[0]?.author.profileHref).toBeNull();
    expect(await getPublicProfile({ number: 999_999 })).toBeNull();
  });
});

describe("practitioner reviews", () => {
  it("are open to practitioners verified in the item's family, once per item, editable, never on their own item or after the decision", async () => {
    const { practitioner } = await verifiedPractitioner(NURSES.code);
    const author = await createUser();
    const moderator = await createUser("MODERATOR");
    // Same family (29-1100) as the practitioner's verification.
    const item = await submitCorrection({ actor: author, input: descriptionCorrection(PRACTITIONERS.code) });
    const elsewhere = await submitCorrection({ actor: author, input: descriptionCorrection(TECHS.code) });
    const own = await submitCorrection({ actor: practitioner, input: descriptionCorrection(NURSES.code) });

    const reviewable = await findReviewableSubmissions({ actor: practitioner });
    expect(reviewable.families).toEqual(["29-1100"]);
    expect(reviewable.items.map((i) => i.id)).toEqual([item.id]);

    const review = (submissionId: string, verdict = "AGREE", reason = "Matches what the work is like on a ward.") => reviewSubmission({ actor: practitioner, input: { submissionId, verdict, reason } });
    await expect(review(own.id)).rejects.toMatchObject({ code: "FORBIDDEN", message: "You cannot review your own submission." });
    await expect(review(elsewhere.id)).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only practitioners verified in this occupation's family can review it." });
    await expect(reviewSubmission({ actor: await createUser(), input: { submissionId: item.id, verdict: "AGREE", reason: "I think it is right." } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(review(item.id, "MAYBE")).rejects.toMatchObject({ code: "INVALID_INPUT" });

    expect(await review(item.id)).toEqual({ submissionId: item.id, updated: false });
    expect(await review(item.id, "DISAGREE", "On reflection the second sentence is wrong.")).toEqual({ submissionId: item.id, updated: true });
    const reviews = await findPractitionerReviews({ actor: moderator, submissionId: item.id });
    expect(reviews).toEqual([expect.objectContaining({ verdict: "DISAGREE", reason: "On reflection the second sentence is wrong.", badges: ["Verified practitioner: Registered Nurses"] })]);
    await expect(findPractitionerReviews({ actor: practitioner, submissionId: item.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await auditOf(item.id)).filter((a) => a.action === "submission.practitioner-review")).toHaveLength(2);

    // The queue counts them and can put the most reviewed first.
    const queue = await findQueue({ actor: moderator, filters: { sort: "reviews" } });
    expect(queue.items[0]).toMatchObject({ id: item.id, practitionerReviews: 1 });

    await declineSubmission({ actor: moderator, input: { submissionId: item.id, reason: "not-accurate" } });
    await expect(review(item.id)).rejects.toMatchObject({ code: "ALREADY_DECIDED" });
    expect(await prisma.practitionerReview.count({ where: { submissionId: item.id } })).toBe(1);
  });

  it("end when the verification expires", async () => {
    const { practitioner } = await verifiedPractitioner(NURSES.code, new Date(Date.now() - 731 * 86_400_000));
    const item = await submitCorrection({ actor: await createUser(), input: descriptionCorrection(NURSES.code) });
    expect((await findReviewableSubmissions({ actor: practitioner })).families).toEqual([]);
    await expect(reviewSubmission({ actor: practitioner, input: { submissionId: item.id, verdict: "AGREE", reason: "Matches the work today." } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
