import "server-only";
import { createDevMailboxMessage } from "@/lib/dev-mailbox/create-dev-mailbox-message";
import { isDevMailboxEnabled } from "@/lib/dev-mailbox/is-dev-mailbox-enabled";
import { isEmailConfigured, sendEmail } from "@/lib/email/send-email";
import { logger } from "@/lib/logging/logger.cjs";

export interface SendSignInEmailOptions {
  to: string;
  /** The magic link (Auth.js' callback URL carrying the token). */
  url: string;
  expires: Date;
}

/**
 * Sends the sign-in link. With EMAIL_SERVER set (an SMTP URL, e.g.
 * `smtp://user:pass@smtp.example.org:587`) it goes out through nodemailer from EMAIL_FROM.
 * Without it (development) the link is printed to the server log, and kept for the
 * development mailbox page when CAREERWIKI_DEV_MAILBOX=1.
 */
export async function sendSignInEmail({ to, url, expires }: SendSignInEmailOptions): Promise<void> {
  const { host } = new URL(url);
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  const subject = `Sign in to Careerwiki (${host})`;
  const text = [
    "Hello,",
    "",
    "Use this link to sign in to Careerwiki:",
    "",
    url,
    "",
    `The link works once and expires in ${minutes} minutes.`,
    "If you did not ask for it, you can ignore this email: nobody can sign in without the link.",
  ].join("\n");

  if (!isEmailConfigured()) {
    logger.info({ component: "auth", to, url }, "EMAIL_SERVER is not set, so no email was sent: the sign-in link is here");
    if (isDevMailboxEnabled()) await createDevMailboxMessage({ to, subject, text, url });
    return;
  }
  await sendEmail({ to, subject, text, html: signInHtml(url, minutes) });
}

function signInHtml(url: string, minutes: number): string {
  const href = escapeHtml(url);
  return `<!doctype html><html><body style="font-family: system-ui, sans-serif; line-height: 1.5">
<p>Hello,</p>
<p><a href="${href}" style="display:inline-block;padding:0.6em 1em;background:#0a58ca;color:#fff;text-decoration:none;border-radius:4px">Sign in to Careerwiki</a></p>
<p>Or paste this link into your browser:<br><span style="word-break:break-all">${href}</span></p>
<p>The link works once and expires in ${minutes} minutes. If you did not ask for it, you can ignore this email.</p>
</body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
