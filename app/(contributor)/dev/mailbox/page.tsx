import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { findDevMailboxMessages } from "@/lib/dev-mailbox/find-dev-mailbox-messages";
import { isDevMailboxEnabled } from "@/lib/dev-mailbox/is-dev-mailbox-enabled";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Development mailbox", robots: { index: false } };

/**
 * Sign-in links "sent" while no SMTP server is configured. Exists only with
 * CAREERWIKI_DEV_MAILBOX=1 (answers 404 otherwise, in production too).
 */
export default async function DevMailboxPage() {
  await connection();
  if (!isDevMailboxEnabled()) notFound();
  const messages = await findDevMailboxMessages();
  return (
    <>
      <h1>Development mailbox</h1>
      <p className="muted">
        No <span className="code">EMAIL_SERVER</span> is configured, so sign-in emails are kept here (and printed to the server
        log) instead of being sent. Turn this page off by unsetting <span className="code">CAREERWIKI_DEV_MAILBOX</span>.
      </p>
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol className="mailbox">
          {messages.map((message) => (
            <li key={message.id}>
              <strong>{message.to}</strong> <span className="muted">
                <DateTime value={message.createdAt} precision="second" />
              </span>
              <br />
              {message.subject}: <a href={message.url}>sign-in link</a>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
