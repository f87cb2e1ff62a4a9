import "server-only";
import { createTransport } from "nodemailer";

export const DEFAULT_EMAIL_FROM = "Careerwiki <no-reply@careerwiki.localhost>";

export interface SendEmailOptions {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Sends one email through the SMTP server of EMAIL_SERVER (nodemailer), from EMAIL_FROM.
 * Throws when the server refuses a recipient or cannot be reached. Callers check
 * isEmailConfigured() first.
 */
export async function sendEmail({ to, subject, text, html }: SendEmailOptions): Promise<void> {
  const server = process.env.EMAIL_SERVER;
  if (!server) throw new Error("EMAIL_SERVER is not set");
  const transport = createTransport(server);
  try {
    const result = await transport.sendMail({ to, from: process.env.EMAIL_FROM || DEFAULT_EMAIL_FROM, subject, text, ...(html ? { html } : {}) });
    const failed = [...(result.rejected ?? []), ...(result.pending ?? [])].filter(Boolean);
    if (failed.length > 0) throw new Error(`the email to ${failed.join(", ")} could not be sent`);
  } finally {
    transport.close();
  }
}
