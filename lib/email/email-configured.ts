/**
 * True when an SMTP server is configured (EMAIL_SERVER, an SMTP URL such as
 * `smtp://user:pass@smtp.example.org:587`). Universal: the import script's transaction asks too.
 */
export function isEmailConfigured(): boolean {
  return Boolean(process.env.EMAIL_SERVER);
}
