import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { approveSubmission } from "@/lib/submissions/approve-submission";
import { declineSubmission } from "@/lib/submissions/decline-submission";
import { requestChanges } from "@/lib/submissions/request-changes";
import { submitCorrection } from "@/lib/submissions/submit-correction";
import { createUser, descriptionCorrection, seedOccupation } from "@/tests/support/integration/community-factories";
import { decodedMessage, readMessages, type SmtpCapture, startSmtpCapture } from "@/tests/support/smtp-capture";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { sendPendingEmails } from "./send-pending-emails";

useTestDatabase();

let dir: string;
let smtp: SmtpCapture;
let code: string;
let moderator: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  process.env.SUBMISSIONS_PER_HOUR = "1000";
  dir = await mkdtemp(path.join(tmpdir(), "careerwiki-outbox-"));
  smtp = await startSmtpCapture({ dir });
  process.env.EMAIL_SERVER = smtp.url;
  ({ code } = await seedOccupation());
  moderator = await createUser("MODERATOR");
});

afterAll(async () => {
  delete process.env.EMAIL_SERVER;
  await smtp.stop();
  await rm(dir, { recursive: true, force: true });
});

async function authorWithSubmission(text: string) {
  const author = await createUser("CONTRIBUTOR");
  const { email } = await prisma.user.findUniqueOrThrow({ where: { id: author.userId }, select: { email: true } });
  const submission = await submitCorrection({ actor: author, input: descriptionCorrection(code, text, 999) });
  return { author, email: email!, submission };
}

describe("notification emails", () => {
  it("are written with the decision, sent after the commit with the reason, and only once", async () => {
    const { email, submission } = await authorWithSubmission("A description that will be declined by the moderator.");
    await declineSubmission({ actor: moderator, input: { submissionId: submission.id, reason: "other", message: "Please cite a survey of working widget engineers." } });
    // Committed with the decision, not sent yet.
    const row = await prisma.outboxEmail.findFirstOrThrow({ where: { notification: { submissionId: submission.id } } });
    expect(row).toMatchObject({ to: email, sentAt: null, attempts: 0, subject: "Declined: your correction (description) for Test Widget Engineers" });
    expect(await readMessages(dir, email)).toHaveLength(0);

    expect(await sendPendingEmails()).toEqual({ sent: 1, failed: 0 });
    const messages = await readMessages(dir, email);
    expect(messages).toHaveLength(1);
    const text = decodedMessage(messages[0]!);
    expect(text).toContain("Subject: Declined: your correction (description) for Test Widget Engineers");
    expect(text).toContain("Reason: Please cite a survey of working widget engineers.");
    expect(text).toContain("/me/contributions");
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).sentAt).not.toBeNull();
    // A second sweep finds nothing to send: no duplicate.
    expect(await sendPendingEmails()).toEqual({ sent: 0, failed: 0 });
    expect(await readMessages(dir, email)).toHaveLength(1);
  });

  it("keeps an email whose sending failed and sends it on a later sweep", async () => {
    const { email, submission } = await authorWithSubmission("A description the moderator approves while SMTP is down.");
    await approveSubmission({ actor: moderator, submissionId: submission.id, applyAnyway: true });
    // SMTP unreachable: a closed port.
    const down = await startSmtpCapture({ dir });
    await down.stop();
    process.env.EMAIL_SERVER = down.url;
    const now = new Date();
    expect(await sendPendingEmails({ now })).toEqual({ sent: 0, failed: 1 });
    const failed = await prisma.outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(failed).toMatchObject({ sentAt: null, attempts: 1 });
    expect(failed.lastError).toBeTruthy();
    process.env.EMAIL_SERVER = smtp.url;
    // Not retried at once (it waits a little), but on a sweep after the wait.
    expect(await sendPendingEmails({ now })).toEqual({ sent: 0, failed: 0 });
    expect(await sendPendingEmails({ now: new Date(now.getTime() + 5 * 60_000) })).toEqual({ sent: 1, failed: 0 });
    const [message] = await readMessages(dir, email);
    expect(decodedMessage(message!)).toContain("Subject: Approved: your correction (description) for Test Widget Engineers");
  });

  it("is sent exactly once when several app instances sweep at the same time", async () => {
    const authors = await Promise.all([1, 2, 3].map((n) => authorWithSubmission(`Description number ${n} that needs a change first.`)));
    for (const { submission } of authors) {
      await requestChanges({ actor: moderator, input: { submissionId: submission.id, message: "Say which tools you use for this, please." } });
    }
    const results = await Promise.all([sendPendingEmails(), sendPendingEmails(), sendPendingEmails()]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    for (const { email } of authors) {
      const messages = await readMessages(dir, email);
      expect(messages).toHaveLength(1);
      expect(decodedMessage(messages[0]!)).toContain("Say which tools you use for this, please.");
    }
  });

  it("writes no email when SMTP is not configured (the in-app notification only)", async () => {
    delete process.env.EMAIL_SERVER;
    try {
      const { submission } = await authorWithSubmission("A description declined while no SMTP server is set.");
      await declineSubmission({ actor: moderator, input: { submissionId: submission.id, reason: "other", message: "Not for this page, sorry about that." } });
      expect(await prisma.notification.count({ where: { submissionId: submission.id } })).toBe(1);
      expect(await prisma.outboxEmail.count({ where: { notification: { submissionId: submission.id } } })).toBe(0);
      expect(await sendPendingEmails()).toEqual({ sent: 0, failed: 0 });
    } finally {
      process.env.EMAIL_SERVER = smtp.url;
    }
  });
});
