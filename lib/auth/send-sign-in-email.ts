import "server-only";
import { createDevMailboxMessage } from "@/lib/dev-mailbox/create-dev-mailbox-message";
import { isDevMailboxEnabled } from "@/lib/dev-mailbox/is-dev-mailbox-enabled";
import { isEmailConfigured } from "@/lib/email/email-configured";
import { sendEmail } from "@/lib/email/send-email";
import { logger } from "@/lib/logging/logger.cjs";

export interface SendSignInEmailOptions {
  to: string;
  /** The magic link (Auth.js' callback URL carrying the token). */
  url: string;
  expires: Date;
}

/** A magic link's email: what following it does, and what to do when it was not asked for. */
interface SendLinkEmailOptions extends SendSignInEmailOptions {
  subject: string;
  /** One sentence before the link ("Use this link to sign in to Careerwiki:"). */
  intro: string;
  /** The button's words in the HTML part. */
  button: string;
  /** After the expiry line: what happens if the person ignores the email. */
  ifNotAsked: string;
}

/**
 * Sends the sign-in link. With EMAIL_SERVER set (an SMTP URL, e.g.
 * `smtp://user:pass@smtp.example.org:587`) it goes out through nodemailer from EMAIL_FROM.
 * Without it (development) the link is printed to the server log, and kept for the
 * development mailbox page when CAREERWIKI_DEV_MAILBOX=1.
 */
export async function sendSignInEmail({ to, url, expires }: SendSignInEmailOptions): Promise<void> {
  await sendLinkEmail({
    to,
    url,
    expires,
    subject: `Sign in to Careerwiki (${new URL(url).host})`,
    intro: "Use this link to sign in to Careerwiki:",
    button: "Sign in to Careerwiki",
    ifNotAsked: "If you did not ask for it, you can ignore this email: nobody can sign in without the link.",
  });
}

/**
 * Any magic link the site sends (signing in, confirming an account's deletion or a new
 * address), through the same path: SMTP when configured, else the server log and the
 * development mailbox.
 */
export async function sendLinkEmail({ to, url, expires, subject, intro, button, ifNotAsked }: SendLinkEmailOptions): Promise<void> {
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  const text = ["Hello,", "", intro, "", url, "", `The link works once and expires in ${minutes} minutes.`, ifNotAsked].join("\n");

  if (!isEmailConfigured()) {
    logger.info({ component: "auth", to, subject, url }, "EMAIL_SERVER is not set, so no email was sent: the link is here");
    if (isDevMailboxEnabled()) await createDevMailboxMessage({ to, subject, text, url });
    return;
  }
  await sendEmail({ to, subject, text, html: linkHtml({ url, minutes, button, ifNotAsked }) });
}

function linkHtml({ url, minutes, button, ifNotAsked }: { url: string; minutes: number; button: string; ifNotAsked: string }): string {
  const href = escapeHtml(url);
  return `<!doctype html><html><body style="font-family: system-ui, sans-serif; line-height: 1.5">
<p>Hello,</p>
<p><a href="${href}" style="display:inline-block;padding:0.6em 1em;background:#0a58ca;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(button)}</a></p>
<p>Or paste this link into your browser:<br><span style="word-break:break-all">${href}</span></p>
<p>The link works once and expires in ${minutes} minutes. ${escapeHtml(ifNotAsked)}</p>
</body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
