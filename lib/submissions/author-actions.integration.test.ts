import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { AppError } from "@/lib/errors";
import { createUser, descriptionCorrection, narrativeDoc, seedOccupation } from "@/tests/support/integration/community-factories";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { approveSubmission } from "./approve-submission";
import { declineSubmission } from "./decline-submission";
import { findMyContributions } from "./find-my-contributions";
import { reportNarrative } from "./report-narrative";
import { requestChanges } from "./request-changes";
import { resubmitSubmission } from "./resubmit-submission";
import { submitCorrection } from "./submit-correction";
import { submitNarrative } from "./submit-narrative";
import { withdrawSubmission } from "./withdraw-submission";
import { findNotifications, markNotificationsRead } from "@/lib/notifications/find-notifications";

useTestDatabase();

let code: string;
let moderator: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  ({ code } = await seedOccupation());
  moderator = await createUser("MODERATOR");
});

const fail = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);

describe("withdrawSubmission", () => {
  it("withdraws only the author's own undecided submission", async () => {
    const author = await createUser();
    const other = await createUser();
    const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code) });
    expect((await fail(withdrawSubmission({ actor: other, submissionId: submission.id })))?.code).toBe("NOT_FOUND");
    await expect(withdrawSubmission({ actor: author, submissionId: submission.id })).resolves.toMatchObject({ status: "WITHDRAWN" });
    expect((await fail(withdrawSubmission({ actor: author, submissionId: submission.id })))?.code).toBe("CONFLICT");
    const approved = await submitCorrection({ actor: author, input: descriptionCorrection(code, "A description that will be approved first.") });
    await approveSubmission({ actor: moderator, submissionId: approved.id });
    expect((await fail(withdrawSubmission({ actor: author, submissionId: approved.id })))?.code).toBe("CONFLICT");
  });
});

describe("declineSubmission and requestChanges", () => {
  it("declines with a required reason the author sees, and notifies them", async () => {
    const author = await createUser();
    const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code, "An unsourced claim about widget work.", 99) });
    const noReason = await fail(declineSubmission({ actor: moderator, input: { submissionId: submission.id } }));
    expect(noReason?.code).toBe("INVALID_INPUT");
    const otherWithoutText = await fail(declineSubmission({ actor: moderator, input: { submissionId: submission.id, reason: "other" } }));
    expect(otherWithoutText?.fieldErrors?.message?.[0]).toMatch(/Explain/);
    await declineSubmission({ actor: moderator, input: { submissionId: submission.id, reason: "no-source" } });
    const mine = await findMyContributions({ actor: author });
    expect(mine.find((m) => m.id === submission.id)).toMatchObject({ status: "DECLINED", decisionMessage: "The change needs a source we can check." });
    const notes = await findNotifications({ actor: author });
    expect(notes.unread).toBe(1);
    expect(notes.items[0]).toMatchObject({ kind: "SUBMISSION_DECLINED", message: "The change needs a source we can check." });
    await markNotificationsRead({ actor: author });
    expect((await findNotifications({ actor: author })).unread).toBe(0);
    expect((await fail(declineSubmission({ actor: moderator, input: { submissionId: submission.id, reason: "duplicate" } })))?.code).toBe("ALREADY_DECIDED");
    expect(await prisma.auditEntry.count({ where: { targetId: submission.id, action: "submission.decline" } })).toBe(1);
  });

  it("requests changes, then the author edits and resubmits to the queue", async () => {
    const author = await createUser();
    const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code, "A draft description that needs a source.", 99) });
    await requestChanges({ actor: moderator, input: { submissionId: submission.id, message: "Please add a source for the second sentence." } });
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe("CHANGES_REQUESTED");
    const other = await createUser();
    expect((await fail(resubmitSubmission({ actor: other, input: { submissionId: submission.id } })))?.code).toBe("NOT_FOUND");
    await resubmitSubmission({
      actor: author,
      input: { submissionId: submission.id, proposedValue: { text: "A better description, with a source." }, rationale: "Added the source as asked.", sourceUrl: "https://example.org/b", baseRevisionNumber: 99 },
    });
    const row = await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(row).toMatchObject({ status: "PENDING", proposedValue: { text: "A better description, with a source." }, sourceUrl: "https://example.org/b" });
    expect((await fail(resubmitSubmission({ actor: author, input: { submissionId: submission.id } })))?.code).toBe("CONFLICT");
  });
});

describe("narratives", () => {
  it("submits a narrative rendered to sanitised HTML, publishes it, and one reader's report queues it without unpublishing it", async () => {
    const author = await createUser();
    const reader = await createUser();
    const narrative = await submitNarrative({ actor: author, input: { occupationCode: code, doc: narrativeDoc(), yearsInRole: 12, promptAnswers: { advice: "Learn the tools.", surprised: "" } } });
    const row = await prisma.submission.findUniqueOrThrow({ where: { id: narrative.id } });
    expect(row.narrativeHtml).toContain("<h2>My work</h2>");
    expect(row.narrativeHtml).toContain('<a href="https://example.org/notes" rel="nofollow ugc noopener">my notes</a>');
    expect(row.promptAnswers).toEqual({ advice: "Learn the tools." });
    await approveSubmission({ actor: moderator, submissionId: narrative.id });
    const tooShort = await fail(reportNarrative({ actor: reader, input: { submissionId: narrative.id, reason: "bad" } }));
    expect(tooShort?.code).toBe("INVALID_INPUT");
    await expect(reportNarrative({ actor: reader, input: { submissionId: narrative.id, reason: "It names a colleague and their employer." } })).resolves.toMatchObject({ outcome: "queued" });
    expect(await prisma.submission.findUniqueOrThrow({ where: { id: narrative.id } })).toMatchObject({ status: "APPROVED", reportReason: null });
    expect(await prisma.narrativeReport.findMany({ where: { submissionId: narrative.id }, select: { reporterId: true, reason: true, resolvedAt: true } })).toEqual([
      { reporterId: reader.userId, reason: "It names a colleague and their employer.", resolvedAt: null },
    ]);
    expect(await prisma.auditEntry.count({ where: { targetId: narrative.id, action: "narrative.report" } })).toBe(1);
    // The page did not change: no REPORT revision (lib/submissions/report-narrative.test.ts covers hiding).
    expect(await prisma.revision.count({ where: { submissionId: narrative.id, kind: "REPORT" } })).toBe(0);
  });

  it("refuses a too short narrative and documents outside the editor's schema", async () => {
    const author = await createUser();
    const short = await fail(submitNarrative({ actor: author, input: { occupationCode: code, doc: narrativeDoc("Too short."), yearsInRole: 1 } }));
    expect(short?.fieldErrors?.doc?.[0]).toMatch(/at least 200 characters/);
    const script = { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] };
    expect((await fail(submitNarrative({ actor: author, input: { occupationCode: code, doc: script, yearsInRole: 1 } })))?.code).toBe("INVALID_INPUT");
    const jsLink = narrativeDoc();
    (jsLink.content[1]!.content![1] as { marks: { attrs: { href: string } }[] }).marks[0]!.attrs.href = "javascript:alert(1)";
    const refused = await fail(submitNarrative({ actor: author, input: { occupationCode: code, doc: jsLink, yearsInRole: 1 } }));
    expect(refused?.code).toBe("INVALID_INPUT");
  });
});
