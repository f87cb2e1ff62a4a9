import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { isDevMailboxEnabled } from "@/lib/dev-mailbox/is-dev-mailbox-enabled";
import { magicLinkFrom, startSmtpCapture, waitForMessage, type SmtpCapture } from "@/tests/support/smtp-capture";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { sendSignInEmail } from "./send-sign-in-email";
import { logger } from "@/lib/logging/logger.cjs";

useTestDatabase();

const KEYS = ["EMAIL_SERVER", "EMAIL_FROM", "CAREERWIKI_DEV_MAILBOX"] as const;
const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));
let dir: string;
let smtp: SmtpCapture;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "careerwiki-mail-test-"));
  smtp = await startSmtpCapture({ dir });
});
afterAll(async () => {
  await smtp.stop();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  vi.restoreAllMocks();
});

const url = "http://localhost:3000/api/auth/callback/nodemailer?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Fprofile&token=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef&email=ada%40example.test";

describe("sendSignInEmail", () => {
  it("sends the link over SMTP (EMAIL_SERVER) from EMAIL_FROM", async () => {
    process.env.EMAIL_SERVER = smtp.url;
    process.env.EMAIL_FROM = "Careerwiki <no-reply@careerwiki.test>";
    await sendSignInEmail({ to: "ada@example.test", url, expires: new Date(Date.now() + 3600_000) });
    const message = await waitForMessage(dir, "ada@example.test");
    expect(message.from).toBe("no-reply@careerwiki.test");
    expect(message.raw).toMatch(/^Subject: Sign in to Careerwiki \(localhost:3000\)/m);
    expect(magicLinkFrom(message)).toBe(url);
  });

  it("without EMAIL_SERVER, prints the link and keeps it for the dev mailbox only when CAREERWIKI_DEV_MAILBOX=1", async () => {
    delete process.env.EMAIL_SERVER;
    const log = vi.spyOn(logger, "info").mockImplementation(() => {});
    const { findDevMailboxMessages } = await import("@/lib/dev-mailbox/find-dev-mailbox-messages");

    delete process.env.CAREERWIKI_DEV_MAILBOX;
    await sendSignInEmail({ to: "quiet@example.test", url, expires: new Date(Date.now() + 3600_000) });
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ url }), expect.stringContaining("EMAIL_SERVER is not set"));
    expect(await findDevMailboxMessages()).toEqual([]);

    process.env.CAREERWIKI_DEV_MAILBOX = "1";
    await sendSignInEmail({ to: "dev@example.test", url, expires: new Date(Date.now() + 3600_000) });
    expect(await findDevMailboxMessages()).toEqual([expect.objectContaining({ to: "dev@example.test", url })]);
  });

  it("keeps only the newest messages in the dev mailbox", async () => {
    const { createDevMailboxMessage, DEV_MAILBOX_SIZE } = await import("@/lib/dev-mailbox/create-dev-mailbox-message");
    const { findDevMailboxMessages } = await import("@/lib/dev-mailbox/find-dev-mailbox-messages");
    for (let i = 0; i < DEV_MAILBOX_SIZE + 3; i++) await createDevMailboxMessage({ to: `m${i}@example.test`, subject: "s", text: "t", url });
    const { prisma } = await import("@/lib/db/prisma");
    expect(await prisma.devMailboxMessage.count()).toBe(DEV_MAILBOX_SIZE);
    expect((await findDevMailboxMessages())[0]?.to).toBe(`m${DEV_MAILBOX_SIZE + 2}@example.test`);
  });
});

describe("isDevMailboxEnabled", () => {
  it("is on only with CAREERWIKI_DEV_MAILBOX=1, whatever NODE_ENV says", () => {
    expect(isDevMailboxEnabled({ NODE_ENV: "development" })).toBe(false);
    expect(isDevMailboxEnabled({ NODE_ENV: "production" })).toBe(false);
    expect(isDevMailboxEnabled({ NODE_ENV: "development", CAREERWIKI_DEV_MAILBOX: "true" })).toBe(false);
    expect(isDevMailboxEnabled({ NODE_ENV: "development", CAREERWIKI_DEV_MAILBOX: "1" })).toBe(true);
    expect(isDevMailboxEnabled({ NODE_ENV: "production", CAREERWIKI_DEV_MAILBOX: "1" })).toBe(true);
  });
});
