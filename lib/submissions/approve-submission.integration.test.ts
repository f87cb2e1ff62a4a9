import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { findRoleCorrections } from "@/lib/community/find-role-corrections";
import { findPublishedNarratives } from "@/lib/community/find-published-narratives";
import { approveSubmission } from "./approve-submission";
import { claimSubmission } from "./claim-submission";
import { submitCorrection } from "./submit-correction";

useTestDatabase();

let code: string;
let author: Awaited<ReturnType<typeof createUser>>;
let moderatorA: Awaited<ReturnType<typeof createUser>>;
let moderatorB: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  ({ code } = await seedOccupation());
  author = await createUser("CONTRIBUTOR");
  moderatorA = await createUser("MODERATOR");
  moderatorB = await createUser("MODERATOR");
});

const errorCode = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describe("approveSubmission", () => {
  it("applies the correction to the overlay and writes one Revision, one AuditEntry and one Notification in one go", async () => {
    const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code, "Designs, builds and tests widgets, mostly in small teams.") });
    const result = await approveSubmission({ actor: moderatorA, submissionId: submission.id });
    expect(result).toMatchObject({ published: true, revisionNumber: 1 });
    const stored = await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(stored.status).toBe("APPROVED");
    expect(stored.decidedById).toBe(moderatorA.userId);
    const revisions = await prisma.revision.findMany({ where: { submissionId: submission.id } });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ number: 1, kind: "APPROVAL", field: "DESCRIPTION", actorId: moderatorA.userId });
    expect(revisions[0]!.before).toEqual({ official: true, value: { text: "Official description of Test Widget Engineers." } });
    expect(await prisma.auditEntry.count({ where: { targetId: submission.id, action: "submission.approve" } })).toBe(1);
    expect(await prisma.notification.count({ where: { submissionId: submission.id, userId: author.userId, kind: "SUBMISSION_APPROVED" } })).toBe(1);
    const community = await findRoleCorrections(code, "test-widget-engineers");
    expect(community.corrections).toEqual([
      {
        origin: "community",
        field: "DESCRIPTION",
        itemKey: "",
        value: "Designs, builds and tests widgets, mostly in small teams.",
        removed: false,
        official: "Official description of Test Widget Engineers.",
        submissionId: submission.id,
        revision: 1,
        historyUrl: "/roles/test-widget-engineers/history#r1",
        releaseConflict: null,
      },
    ]);
    expect(community.latestRevision).toBe(1);
    // The official row is untouched.
    expect((await prisma.onetOccupation.findFirstOrThrow({ where: { code } })).description).toBe("Official description of Test Widget Engineers.");
  });

  it("of two concurrent approvals exactly one wins; the other fails with ALREADY_DECIDED", async () => {
    const latest = (await prisma.revision.count({ where: { occupationCode: code } }));
    const submission = await submitCorrection({ actor: author, input: { ...descriptionCorrection(code, "Concurrent approval text for the widget page."), baseRevisionNumber: latest } });
    const results = await Promise.allSettled([
      approveSubmission({ actor: moderatorA, submissionId: submission.id }),
      approveSubmission({ actor: moderatorB, submissionId: submission.id }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(errorCode(lost[0]!.reason)).toBe("ALREADY_DECIDED");
    expect(await prisma.revision.count({ where: { submissionId: submission.id } })).toBe(1);
    expect(await prisma.auditEntry.count({ where: { targetId: submission.id, action: "submission.approve" } })).toBe(1);
    expect(await prisma.notification.count({ where: { submissionId: submission.id } })).toBe(1);
  });

  it("refuses a stale base with CONFLICT unless applyAnyway, and leaves the submission pending", async () => {
    const stale = await submitCorrection({ actor: author, input: descriptionCorrection(code, "Written against the old page, before the others.", 0) });
    const conflict = await approveSubmission({ actor: moderatorA, submissionId: stale.id }).catch((e: unknown) => e);
    expect(errorCode(conflict)).toBe("CONFLICT");
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: stale.id } })).status).toBe("PENDING");
    expect(await prisma.revision.count({ where: { submissionId: stale.id } })).toBe(0);
    const applied = await approveSubmission({ actor: moderatorA, submissionId: stale.id, applyAnyway: true });
    expect(applied.published && applied.revisionNumber).toBeGreaterThan(1);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { targetId: stale.id, action: "submission.approve" } });
    expect(audit.after).toMatchObject({ appliedAnyway: true });
  });

  it("does not treat a change to another field as a conflict", async () => {
    const task = await submitCorrection({
      actor: author,
      input: { occupationCode: code, field: "TASK", operation: "CHANGE", itemKey: "onet:1", proposedValue: { statement: "Design widgets with customers." }, rationale: "Customers take part in design now.", baseRevisionNumber: 0 },
    });
    await expect(approveSubmission({ actor: moderatorA, submissionId: task.id })).resolves.toMatchObject({ occupationCode: code });
  });

  it("lets nobody decide on their own submission", async () => {
    const own = await submitCorrection({ actor: moderatorA, input: descriptionCorrection(code, "A moderator's own idea for the description text.", 99) });
    expect(errorCode(await approveSubmission({ actor: moderatorA, submissionId: own.id }).catch((e: unknown) => e))).toBe("FORBIDDEN");
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("PENDING");
  });

  it("refuses contributors (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)", async () => {
    const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code, "Another description someone proposes here.", 99) });
    const other = await createUser("CONTRIBUTOR");
    expect(errorCode(await approveSubmission({ actor: other, submissionId: submission.id }).catch((e: unknown) => e))).toBe("FORBIDDEN");
    expect(errorCode(await approveSubmission({ actor: null, submissionId: submission.id }).catch((e: unknown) => e))).toBe("UNAUTHENTICATED");
  });

  it("respects another moderator's unexpired claim, and the claim lives in the database", async () => {
    const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code, "A description under review by a claimant.", 99) });
    const now = new Date();
    await claimSubmission({ actor: moderatorA, submissionId: submission.id, now });
    const row = await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(row.claimedById).toBe(moderatorA.userId);
    expect(row.claimExpiresAt!.getTime()).toBe(now.getTime() + 30 * 60_000);
    expect(errorCode(await claimSubmission({ actor: moderatorB, submissionId: submission.id, now }).catch((e: unknown) => e))).toBe("CONFLICT");
    expect(errorCode(await approveSubmission({ actor: moderatorB, submissionId: submission.id, applyAnyway: true, now }).catch((e: unknown) => e))).toBe("CONFLICT");
    // Once the claim has expired, another moderator may take it.
    const later = new Date(now.getTime() + 31 * 60_000);
    await expect(claimSubmission({ actor: moderatorB, submissionId: submission.id, now: later })).resolves.toMatchObject({ claimedById: moderatorB.userId });
    await expect(approveSubmission({ actor: moderatorB, submissionId: submission.id, applyAnyway: true, now: later })).resolves.toBeDefined();
  });

  it("publishes a narrative with a NARRATIVE revision", async () => {
    const narrative = await prisma.submission.create({
      data: { kind: "NARRATIVE", status: "PENDING", occupationCode: code, authorId: author.userId, narrativeHtml: "<p>Hello &amp; <strong>welcome</strong></p>", yearsInRole: 3, submittedAt: new Date() },
    });
    await approveSubmission({ actor: moderatorA, submissionId: narrative.id });
    expect(await prisma.revision.findFirst({ where: { submissionId: narrative.id } })).toMatchObject({ field: "NARRATIVE", kind: "APPROVAL" });
    const narratives = await findPublishedNarratives(code, "the-slug");
    expect(narratives.find((n) => n.id === narrative.id)).toMatchObject({ title: "3 years in the role", text: "Hello & welcome", href: `/roles/the-slug#narrative-${narrative.id}` });
  });
});
