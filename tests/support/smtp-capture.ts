import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { SMTPServer } from "smtp-server";

/** One email as the capture server received it. */
export interface CapturedMessage {
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  from: string | null;
  receivedAt: string;
  /** The whole message as sent (headers and MIME body). */
  raw: string;
}

export interface SmtpCapture {
  /** For the app's EMAIL_SERVER. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on loopback (npm `smtp-server`) that accepts every message and writes
 * it as one JSON file into `dir`, for tests to read (`waitForMessage`). Files appear whole
 * (written, then renamed), so a reader never sees half a message; each test matches its
 * own messages by recipient, so parallel tests never mix them up.
 */
export async function startSmtpCapture({ dir, port = 0 }: { dir: string; port?: number }): Promise<SmtpCapture> {
  await mkdir(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    size: 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const message: CapturedMessage = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          receivedAt: new Date().toISOString(),
          raw: Buffer.concat(chunks).toString("utf8"),
        };
        const name = `${Date.now()}-${randomBytes(4).toString("hex")}`;
        const temporary = path.join(dir, `.${name}.tmp`);
        writeFile(temporary, JSON.stringify(message))
          .then(() => rename(temporary, path.join(dir, `${name}.json`)))
          .then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The messages in `dir` sent to `recipient`, oldest first. */
export async function readMessages(dir: string, recipient: string): Promise<CapturedMessage[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".json")).sort();
  const messages = await Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(dir, file), "utf8")) as CapturedMessage));
  return messages.filter((message) => message.to.includes(recipient.toLowerCase()));
}

/** Waits until `count` messages for `recipient` have arrived and returns the newest. */
export async function waitForMessage(dir: string, recipient: string, { timeoutMs = 15_000, count = 1 } = {}): Promise<CapturedMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await readMessages(dir, recipient);
    if (messages.length >= count) return messages[messages.length - 1]!;
    if (Date.now() > deadline) throw new Error(`no email for ${recipient} arrived in ${dir} within ${timeoutMs} ms (${messages.length} of ${count})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A message's raw text with folded header lines joined and quoted-printable soft breaks and escapes decoded (UTF-8). */
export function decodedMessage(message: CapturedMessage): string {
  const end = message.raw.search(/\r?\n\r?\n/);
  const headers = (end < 0 ? message.raw : message.raw.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
  const body = end < 0 ? "" : message.raw.slice(end);
  const bytes = `${headers}${body}`.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** The Auth.js magic link in a message (decoding quoted-printable soft breaks and escapes first). */
export function magicLinkFrom(message: CapturedMessage): string {
  const decoded = decodedMessage(message);
  const match = /https?:\/\/[^\s"'<>]+\/api\/auth\/callback\/nodemailer\?[^\s"'<>]+/.exec(decoded);
  if (!match) throw new Error(`no sign-in link in the message to ${message.to.join(", ")}`);
  return match[0].replace(/&amp;/g, "&");
}

/** The account confirmation link in a message (deleting the account, a new sign-in address). */
export function confirmationLinkFrom(message: CapturedMessage): string {
  const match = /https?:\/\/[^\s"'<>]+\/me\/account\/confirm\?token=[A-Za-z0-9_-]+/.exec(decodedMessage(message));
  if (!match) throw new Error(`no confirmation link in the message to ${message.to.join(", ")}`);
  return match[0];
}

/** Where the captured messages are (scripts/e2e-server.ts tells Playwright). */
export function e2eMailboxDir(): string {
  const dir = process.env.E2E_MAILBOX_DIR;
  if (!dir) throw new Error("E2E_MAILBOX_DIR is not set: run the end-to-end tests through Playwright (`npm run test:e2e`), which starts scripts/e2e-server.ts");
  return dir;
}
