// A verified practitioner's badge that runs out leaves the cached pages that show it: the
// hourly `expire-verifications` job records a data change naming their role pages and public
// profile, which every instance hears and drops; each grant is handled once, also when two runs
// meet. Practitioners whose verification ends soon are told once.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { applyDataChange } from "@/lib/cache/apply-data-change";
import { pathCacheTag, ROLE_SUMMARIES_TAG, roleCacheTag } from "@/lib/cache/cache-tags";
import { listenForDataChanges, type DataChangeListener, type DataChangeNotice } from "@/lib/cache/listen-for-data-changes";
import { registerLoadedCache } from "@/lib/cache/loaded-cache.cjs";
import { prisma } from "@/lib/db/prisma";
import { findNotifications } from "@/lib/notifications/find-notifications";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { submitNarrative } from "@/lib/submissions/submit-narrative";
import { createUser, narrativeDoc, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { applyVerificationExpiries } from "./expire-verifications";
import { findVerifiedBadges } from "./find-verified-badges";
import { grantVerification } from "./grant-verification";
import { requestVerification } from "./request-verification";

const database = useTestDatabase();

process.env.SUBMISSIONS_PER_HOUR = "1000";
process.env.PEOPLE_ACTIONS_PER_HOUR = "1000";

const NURSES = { code: "29-1141.00", title: "Registered Nurses" };
const DAY = 86_400_000;
const NOW = new Date();

let listener: DataChangeListener | null = null;
afterEach(async () => {
  await listener?.stop();
  listener = null;
});

beforeAll(async () => {
  await seedOccupation(NURSES.code, NURSES.title);
});

/** A practitioner verified for the nurses with a grant ending `endsInDays` from NOW (negative: ended). */
async function verified(endsInDays: number) {
  const practitioner = await createUser("CONTRIBUTOR");
  const moderator = await createUser("MODERATOR");
  const { verificationId } = await requestVerification({ actor: practitioner, input: { occupationCode: NURSES.code, credentialIssuer: "Ohio Board of Nursing", credentialNumber: "RN-123456", referenceUrl: "", workEmail: "", note: "" } });
  await grantVerification({ actor: moderator, input: { verificationId, reason: "Licence found in the state register." } });
  await prisma.practitionerVerification.update({ where: { id: verificationId }, data: { expiresAt: new Date(NOW.getTime() + endsInDays * DAY) } });
  return { practitioner, moderator, verificationId };
}

describe("the expire-verifications job", () => {
  it("drops the cached pages of badges that ran out, once per grant, on every instance", { timeout: 60_000 }, async () => {
    // The practitioner's narrative is published on the nurses' page: the page shows their badge.
    const { practitioner, moderator, verificationId } = await verified(10);
    const narrative = await submitNarrative({ actor: practitioner, input: { occupationCode: NURSES.code, doc: narrativeDoc("I have nursed on night shifts for years. ".repeat(8)), yearsInRole: 6 } });
    await approveSubmission({ actor: moderator, submissionId: narrative.id });
    const number = (await prisma.user.findUniqueOrThrow({ where: { id: practitioner.userId }, select: { number: true } })).number;
    expect((await findVerifiedBadges([practitioner.userId], NOW)).get(practitioner.userId)).toHaveLength(1);

    const heard: DataChangeNotice[] = [];
    listener = await listenForDataChanges({ databaseUrl: database.url, onChange: async (change) => void heard.push(change), onError: () => {} });
    // Still running: nothing to drop.
    expect(await applyVerificationExpiries({ now: NOW })).toMatchObject({ expired: 0, dataChangeId: null });

    // It ends: the next run names its pages in a data change, which the instances hear on commit.
    await prisma.practitionerVerification.update({ where: { id: verificationId }, data: { expiresAt: new Date(NOW.getTime() - 60_000) } });
    expect((await findVerifiedBadges([practitioner.userId], NOW)).get(practitioner.userId)).toBeUndefined();
    const run = await applyVerificationExpiries({ now: NOW });
    expect(run).toMatchObject({ expired: 1, dataChangeId: expect.any(Number) });
    await vi.waitFor(() => expect(heard).toEqual([{ id: run.dataChangeId, source: "verification-expiry", everyPage: false, occupationCodes: [NURSES.code], paths: [`/people/${number}`] }]), { timeout: 5_000, interval: 20 });
    expect((await prisma.practitionerVerification.findUniqueOrThrow({ where: { id: verificationId } })).expiryAppliedAt).toEqual(NOW);

    // An instance hearing it drops the role's page and the person's profile.
    const revalidated: string[][] = [];
    registerLoadedCache({ revalidateTag: async (tags) => void revalidated.push(tags) });
    await applyDataChange(heard[0]!);
    expect(revalidated).toEqual([[roleCacheTag(NURSES.code), ROLE_SUMMARIES_TAG, pathCacheTag(`/people/${number}`)]]);
    expect(pathCacheTag(`/people/${number}`)).toBe(`_N_T_/people/${number}`);

    // A later run has nothing left to do for it.
    expect(await applyVerificationExpiries({ now: new Date(NOW.getTime() + 3_600_000) })).toMatchObject({ expired: 0, dataChangeId: null });
    expect(await prisma.dataChange.count({ where: { source: "verification-expiry" } })).toBe(1);
  });

  it("handles each ended grant once when two runs meet", { timeout: 60_000 }, async () => {
    const ended = await Promise.all([verified(-1), verified(-2), verified(-3)]);
    const runs = await Promise.all([applyVerificationExpiries({ now: NOW }), applyVerificationExpiries({ now: NOW })]);
    expect(runs.reduce((sum, r) => sum + r.expired, 0)).toBe(3);
    const changes = await prisma.dataChange.findMany({ where: { id: { in: runs.flatMap((r) => (r.dataChangeId === null ? [] : [r.dataChangeId])) } }, select: { paths: true } });
    const numbers = await prisma.user.findMany({ where: { id: { in: ended.map((e) => e.practitioner.userId) } }, select: { number: true } });
    expect(changes.flatMap((c) => c.paths).sort()).toEqual(numbers.map((u) => `/people/${u.number}`).sort());
  });

  it("tells a practitioner once that their verification ends within VERIFICATION_EXPIRY_NOTICE_DAYS, unless renewed", { timeout: 60_000 }, async () => {
    const soon = await verified(5);
    const later = await verified(40);
    // Renewed: a newer grant of the same occupation runs on after the ending one.
    const renewed = await verified(6);
    const renewal = await requestVerification({ actor: renewed.practitioner, input: { occupationCode: NURSES.code, credentialIssuer: "Ohio Board of Nursing", credentialNumber: "RN-123456", referenceUrl: "", workEmail: "", note: "" } });
    await grantVerification({ actor: renewed.moderator, input: { verificationId: renewal.verificationId, reason: "Renewed from the register." } });

    const first = await applyVerificationExpiries({ now: NOW });
    expect(first.warned).toBe(1);
    const told = await findNotifications({ actor: soon.practitioner });
    const expected = `Your verification as a practitioner of Registered Nurses runs out on ${new Date(NOW.getTime() + 5 * DAY).toISOString().slice(0, 10)}. Ask again to renew it.`;
    expect(told.items.filter((item) => item.kind === "VERIFICATION_EXPIRING")).toEqual([expect.objectContaining({ text: expected, link: { href: "/me/verifications", label: "See your verifications" } })]);
    for (const other of [later, renewed]) expect(await prisma.notification.count({ where: { userId: other.practitioner.userId, kind: "VERIFICATION_EXPIRING" } })).toBe(0);

    // Once: the next run (the next hour) tells nobody again.
    expect((await applyVerificationExpiries({ now: new Date(NOW.getTime() + 3_600_000) })).warned).toBe(0);
    expect(await prisma.notification.count({ where: { userId: soon.practitioner.userId, kind: "VERIFICATION_EXPIRING" } })).toBe(1);
  });
});
