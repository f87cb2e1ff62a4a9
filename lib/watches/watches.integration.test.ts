import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { AppError } from "@/lib/errors";
import { findNotifications } from "@/lib/notifications/find-notifications";
import { findPageChanges } from "@/lib/revisions/find-recent-changes";
import { pageFeedOptions, recentChangesToAtom } from "@/lib/revisions/recent-changes-feed";
import { rollbackToRevision } from "@/lib/revisions/rollback-to-revision";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { submitNarrative } from "@/lib/submissions/submit-narrative";
import { createUser, descriptionCorrection, narrativeDoc, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { findWatchedPages } from "./find-watched-pages";
import { getWatchState } from "./get-watch-state";
import { unwatchPage } from "./unwatch-page";
import { watchPage } from "./watch-page";

useTestDatabase();

const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);
type User = Awaited<ReturnType<typeof createUser>>;
let page: Awaited<ReturnType<typeof seedOccupation>>;
let other: Awaited<ReturnType<typeof seedOccupation>>;
let watcher: User;
let author: User;
let moderator: User;
let bystander: User;

const pageChanges = (user: User) => prisma.notification.findMany({ where: { userId: user.userId, kind: "PAGE_CHANGED" }, orderBy: { createdAt: "asc" }, include: { email: true, revision: true } });

beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  // Outbox rows are written when SMTP is configured; nothing is sent in this file.
  process.env.EMAIL_SERVER = "smtp://127.0.0.1:9";
  page = await seedOccupation("99-0101.00", "Test Watched Engineers");
  other = await seedOccupation("99-0102.00", "Test Unwatched Engineers");
  [watcher, author, moderator, bystander] = await Promise.all([createUser("CONTRIBUTOR", "Wanda Watcher"), createUser("CONTRIBUTOR", "Ada Author"), createUser("MODERATOR", "Mo Derator"), createUser("CONTRIBUTOR")]);
});

afterAll(() => {
  delete process.env.EMAIL_SERVER;
});

async function approveDescription(code: string, text: string) {
  const latest = await prisma.revision.findFirst({ where: { occupationCode: code }, orderBy: { number: "desc" }, select: { number: true } });
  const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code, text, latest?.number ?? 0) });
  const result = await approveSubmission({ actor: moderator, submissionId: submission.id, applyAnyway: true });
  // A description is no figure: one approval publishes it.
  if (!result.published) throw new Error("a description correction needs one approval");
  return result;
}

describe("watching a page", () => {
  it("is one watch however often asked, the watcher's own, listed on /me/watching, and undone by unwatching", async () => {
    expect(await getWatchState({ actor: watcher, occupationCode: page.code })).toEqual({ signedIn: true, watching: false });
    await watchPage({ actor: watcher, input: { occupationCode: page.code } });
    await watchPage({ actor: watcher, input: { occupationCode: page.code } });
    expect(await prisma.pageWatch.count({ where: { occupationCode: page.code } })).toBe(1);
    expect(await getWatchState({ actor: watcher, occupationCode: page.code })).toEqual({ signedIn: true, watching: true });
    expect(await getWatchState({ actor: bystander, occupationCode: page.code })).toEqual({ signedIn: true, watching: false });
    expect(await getWatchState({ actor: null, occupationCode: page.code })).toEqual({ signedIn: false, watching: false });
    expect((await findWatchedPages({ actor: watcher })).map((p) => [p.title, p.slug])).toEqual([[page.title, page.slug]]);
    expect(await findWatchedPages({ actor: bystander })).toEqual([]);

    // Unwatching someone else's watch is impossible: a user only ever removes their own.
    expect((await unwatchPage({ actor: bystander, input: { occupationCode: page.code } })).removed).toBe(0);
    expect(await prisma.pageWatch.count({ where: { occupationCode: page.code } })).toBe(1);
    expect((await unwatchPage({ actor: watcher, input: { occupationCode: page.code } })).removed).toBe(1);
    expect(await findWatchedPages({ actor: watcher })).toEqual([]);
  });

  it("refuses the signed-out, unknown pages and malformed codes with clear messages", async () => {
    expect((await fail(watchPage({ actor: null, input: { occupationCode: page.code } })))?.code).toBe("UNAUTHENTICATED");
    expect(await fail(watchPage({ actor: watcher, input: { occupationCode: "99-9999.00" } }))).toMatchObject({ code: "NOT_FOUND", message: "There is no page for that occupation code." });
    expect((await fail(watchPage({ actor: watcher, input: { occupationCode: "not a code" } })))?.code).toBe("INVALID_INPUT");
  });
});

describe("watchers are notified when the page changes", () => {
  beforeAll(async () => {
    for (const user of [watcher, author, moderator]) await watchPage({ actor: user, input: { occupationCode: page.code } });
  });

  it("of an approved correction: an in-app notification and an outbox email, in the approval's transaction; not the approver, and the author hears of the approval only", async () => {
    const { revisionNumber } = await approveDescription(page.code, "Watched engineers watch widgets all day long, carefully.");
    const [notification] = await pageChanges(watcher);
    expect(notification).toMatchObject({ occupationCode: page.code, submissionId: null, read: false, summary: "Test Watched Engineers changed: Description: Watched engineers watch widgets all day long, carefully." });
    expect(notification!.revision?.number).toBe(revisionNumber);
    const watcherEmail = (await prisma.user.findUniqueOrThrow({ where: { id: watcher.userId } })).email;
    expect(notification!.email).toMatchObject({ to: watcherEmail, subject: "Changed: Test Watched Engineers", sentAt: null });
    expect(notification!.email!.text).toContain(`/roles/${page.slug}/history#r${revisionNumber}`);
    expect(notification!.email!.text).toContain("/me/watching");
    expect(await pageChanges(moderator)).toEqual([]);
    expect(await pageChanges(author)).toEqual([]);
    expect(await prisma.notification.count({ where: { userId: author.userId, kind: "SUBMISSION_APPROVED" } })).toBe(1);
    // A change to a page they do not watch tells them nothing.
    await approveDescription(other.code, "Unwatched engineers are not watched by anybody here.");
    expect(await pageChanges(watcher)).toHaveLength(1);

    // The notifications page links the change in the page's history.
    const { items } = await findNotifications({ actor: watcher });
    expect(items[0]).toMatchObject({ kind: "PAGE_CHANGED", link: { href: `/roles/${page.slug}/history#r${revisionNumber}`, label: "See what changed" } });
  });

  it("of an approved narrative and of a rollback, saying which", async () => {
    const narrative = await submitNarrative({ actor: author, input: { occupationCode: page.code, doc: narrativeDoc(), yearsInRole: 6 } });
    await approveSubmission({ actor: moderator, submissionId: narrative.id });
    const approval = await prisma.revision.findFirstOrThrow({ where: { occupationCode: page.code, field: "DESCRIPTION" }, orderBy: { number: "desc" } });
    await rollbackToRevision({ actor: moderator, input: { revisionId: approval.id, restore: "before" } });
    const summaries = (await pageChanges(watcher)).map((n) => n.summary);
    expect(summaries.slice(1)).toEqual(["Test Watched Engineers changed: A practitioner narrative was published.", "Test Watched Engineers changed: Rollback. Description: back to the official value."]);
    // The rollback's moderator and the narrative's author were not told of their own doing.
    expect(await pageChanges(moderator)).toEqual([]);
    expect((await pageChanges(author)).map((n) => n.revision?.kind)).toEqual(["ROLLBACK"]);
  });

  it("writes no notification for someone who stopped watching", async () => {
    await unwatchPage({ actor: watcher, input: { occupationCode: page.code } });
    const before = (await pageChanges(watcher)).length;
    await approveDescription(page.code, "Watched engineers keep watching widgets, now unwatched.");
    expect(await pageChanges(watcher)).toHaveLength(before);
  });
});

describe("a page's Atom feed", () => {
  it("lists that page's revisions only, newest first, each linking its place in the history", async () => {
    const changes = await findPageChanges(page.code);
    const revisions = await prisma.revision.findMany({ where: { occupationCode: page.code }, orderBy: { number: "desc" } });
    expect(changes.map((c) => c.number)).toEqual(revisions.map((r) => r.number));
    expect(new Set(changes.map((c) => c.occupationCode))).toEqual(new Set([page.code]));
    const xml = recentChangesToAtom(changes, "https://careerwiki.example", pageFeedOptions(page), null);
    expect(xml).toContain("<title>Careerwiki: changes to Test Watched Engineers</title>");
    expect(xml).toContain(`<link rel="self" href="https://careerwiki.example/roles/${page.slug}/changes.atom"/>`);
    expect(xml).toContain(`<link href="https://careerwiki.example/roles/${page.slug}/history#r${revisions[0]!.number}"/>`);
    expect(xml).toContain("<summary>Rollback. Description: back to the official value.</summary>");
    expect(xml).toContain("<name>Mo Derator</name>");
    expect(xml).not.toContain("Unwatched engineers");
    expect(xml.match(/<entry>/g)).toHaveLength(revisions.length);
  });
});
