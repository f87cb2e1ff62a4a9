import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { AppError } from "@/lib/errors";
import { findQueue } from "@/lib/submissions/find-queue";
import { createUser, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { findReviewerFamilies } from "./find-reviewer-families";
import { sendReviewDigests } from "./send-review-digests";
import { updateReviewerFamilies } from "./update-reviewer-families";

useTestDatabase();

const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);
const HOUR = 3_600_000;
const now = new Date("2026-03-10T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);
const NURSES = "29-1141.00";
const NURSE_PRACTITIONERS = "29-1171.00";
const DEVELOPERS = "15-1252.00";
const PAINTERS = "27-1013.00";

type User = Awaited<ReturnType<typeof createUser>>;
let nurseModerator: User;
let chooser: User;
let idle: User;
let author: User;

/** A pending description correction by `by`, waiting `ageHours`. */
async function pending(code: string, ageHours: number, by: User = author) {
  const { id } = await prisma.submission.create({
    data: { kind: "CORRECTION", status: "PENDING", occupationCode: code, authorId: by.userId, field: "DESCRIPTION", operation: "CHANGE", itemKey: "", proposedValue: { text: `About ${code}, ${ageHours} h` }, submittedAt: hoursAgo(ageHours) },
  });
  return id;
}

beforeAll(async () => {
  process.env.QUEUE_ESCALATE_AFTER_HOURS = "72";
  await seedOccupation(NURSES, "Test Registered Nurses");
  await seedOccupation(NURSE_PRACTITIONERS, "Test Nurse Practitioners");
  await seedOccupation(DEVELOPERS, "Test Software Developers");
  await seedOccupation(PAINTERS, "Test Painters");
  [nurseModerator, chooser, idle, author] = await Promise.all([createUser("MODERATOR", "Nora Nurse"), createUser("ADMIN", "Chad Chooser"), createUser("MODERATOR", "Ida Idle"), createUser("CONTRIBUTOR", "Ann Author")]);
  // Nora worked as a nurse: her profile says so.
  await prisma.profile.create({ data: { userId: nurseModerator.userId, displayName: "Nora Nurse", occupations: { create: [{ occupationCode: NURSES }] } } });
});

describe("the families a moderator reviews", () => {
  it("come from the profile's occupations and from what they choose, by family, each saying why", async () => {
    expect(await findReviewerFamilies({ actor: nurseModerator })).toEqual([{ family: "29-1100", sources: ["profile"] }]);
    await updateReviewerFamilies({ actor: nurseModerator, input: { families: "29-1171.00, 15-1200" } });
    expect(await findReviewerFamilies({ actor: nurseModerator })).toEqual([
      { family: "15-1200", sources: ["chosen"] },
      { family: "29-1100", sources: ["chosen", "profile"] },
    ]);
    // Choosing again replaces the choice; the profile's family stays.
    await updateReviewerFamilies({ actor: nurseModerator, input: { families: "" } });
    expect(await findReviewerFamilies({ actor: nurseModerator })).toEqual([{ family: "29-1100", sources: ["profile"] }]);
    expect(await findReviewerFamilies({ actor: null })).toEqual([]);
  });

  it("refuses a family with no occupation on the site, malformed entries and contributors, naming what is wrong", async () => {
    expect(await fail(updateReviewerFamilies({ actor: chooser, input: { families: "15-1200 45-2000" } }))).toMatchObject({ code: "INVALID_INPUT", message: "No occupation on the site is in 45-2000: check the family and send again." });
    expect((await fail(updateReviewerFamilies({ actor: chooser, input: { families: "nurses" } })))?.code).toBe("INVALID_INPUT");
    expect((await fail(updateReviewerFamilies({ actor: author, input: { families: "15-1200" } })))?.code).toBe("FORBIDDEN");
    expect(await prisma.reviewerFamily.count({ where: { userId: chooser.userId } })).toBe(0);
  });
});

describe("the queue's For you order", () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = {
      otherOld: await pending(PAINTERS, 200),
      mineOld: await pending(NURSE_PRACTITIONERS, 100),
      otherNew: await pending(DEVELOPERS, 5),
      mineNew: await pending(NURSES, 10),
      mineNewer: await pending(NURSES, 2),
    };
  });

  it("lists the moderator's families first, escalated items first as always, oldest first within each part", async () => {
    const forYou = await findQueue({ actor: nurseModerator, filters: { sort: "for-you" }, now });
    expect(forYou.families).toEqual(["29-1100"]);
    expect(forYou.items.map((item) => [item.id, item.escalated, item.forYou])).toEqual([
      [ids.mineOld, true, true],
      [ids.otherOld, true, false],
      [ids.mineNew, false, true],
      [ids.mineNewer, false, true],
      [ids.otherNew, false, false],
    ]);
    expect(forYou.matching).toBe(5);
    // The oldest-first order is unchanged, and marks the moderator's items too.
    const oldest = await findQueue({ actor: nurseModerator, filters: {}, now });
    expect(oldest.items.map((item) => item.id)).toEqual([ids.otherOld, ids.mineOld, ids.mineNew, ids.otherNew, ids.mineNewer]);
    expect(oldest.items.filter((item) => item.forYou).map((item) => item.id)).toEqual([ids.mineOld, ids.mineNew, ids.mineNewer]);
    // Filters apply inside each part; with no families, For you is the usual order.
    expect((await findQueue({ actor: nurseModerator, filters: { sort: "for-you", minAgeHours: 6 }, now })).items.map((item) => item.id)).toEqual([ids.mineOld, ids.otherOld, ids.mineNew]);
    expect((await findQueue({ actor: idle, filters: { sort: "for-you" }, now })).items.map((item) => item.id)).toEqual(oldest.items.map((item) => item.id));
  });
});

describe("the review digest", () => {
  it("tells each reviewer what waits in their families, escalated first, their own items left out; nothing when nothing waits", async () => {
    process.env.EMAIL_SERVER = "smtp://127.0.0.1:9";
    try {
      await updateReviewerFamilies({ actor: chooser, input: { families: "27-1000" } });
      await pending(PAINTERS, 1, chooser); // the chooser's own: they cannot decide it
      // The queue test's nurse items are decided; two new ones wait.
      await prisma.submission.updateMany({ where: { occupationCode: { startsWith: "29-11" } }, data: { status: "DECLINED" } });
      await updateReviewerFamilies({ actor: idle, input: { families: "15-1200" } });
      const mineOld = await pending(NURSE_PRACTITIONERS, 100);
      const mineNew = await pending(NURSES, 3);

      expect(await sendReviewDigests({ now })).toEqual({ queued: 3, alreadySent: 0 });
      const digest = await prisma.notification.findFirstOrThrow({ where: { userId: nurseModerator.userId, kind: "REVIEW_DIGEST" }, include: { email: true } });
      expect(digest.summary).toBe("2 items wait in the families you review (29-1100); 1 escalated.");
      expect(digest.dedupeKey).toBe(`review-digest:${nurseModerator.userId}:2026-03-10`);
      const text = digest.email!.text;
      expect(digest.email!.subject).toBe("Review digest: 2 items wait in your families");
      expect(text.indexOf("Escalated (waiting more than 3 days):")).toBeLessThan(text.indexOf("Waiting:"));
      expect(text).toContain(`- Test Nurse Practitioners: correction (description), waiting 4 days — http`);
      expect(text.indexOf(`/moderation/${mineOld}`)).toBeLessThan(text.indexOf(`/moderation/${mineNew}`));
      expect(text).toContain("/moderation?sort=for-you");
      expect(text).not.toContain("Test Painters");
      // The chooser reviews painters: the old item waits, their own does not count.
      expect((await prisma.notification.findFirstOrThrow({ where: { userId: chooser.userId, kind: "REVIEW_DIGEST" } })).summary).toBe("1 item waits in the families you review (27-1000); 1 escalated.");
      expect((await prisma.notification.findFirstOrThrow({ where: { userId: idle.userId, kind: "REVIEW_DIGEST" } })).summary).toBe("1 item waits in the families you review (15-1200).");
      // A contributor reviews nothing here (verified practitioners come later).
      expect(await prisma.notification.count({ where: { userId: author.userId, kind: "REVIEW_DIGEST" } })).toBe(0);
    } finally {
      delete process.env.EMAIL_SERVER;
    }
  });

  it("is queued once per reviewer and day, even when several instances run it at once", async () => {
    const later = new Date(now.getTime() + 2 * HOUR);
    const runs = await Promise.all([sendReviewDigests({ now: later }), sendReviewDigests({ now: later }), sendReviewDigests({ now: later })]);
    expect(runs.reduce((sum, run) => sum + run.queued, 0)).toBe(0);
    expect(runs.every((run) => run.alreadySent === 3)).toBe(true);
    expect(await prisma.notification.count({ where: { kind: "REVIEW_DIGEST" } })).toBe(3);
    expect(await prisma.outboxEmail.count({ where: { notification: { kind: "REVIEW_DIGEST" } } })).toBe(3);

    const nextDay = new Date(now.getTime() + 24 * HOUR);
    const racing = await Promise.all([sendReviewDigests({ now: nextDay }), sendReviewDigests({ now: nextDay })]);
    expect(racing.reduce((sum, run) => sum + run.queued, 0)).toBe(3);
    expect(await prisma.notification.count({ where: { userId: nurseModerator.userId, kind: "REVIEW_DIGEST" } })).toBe(2);
  });
});
