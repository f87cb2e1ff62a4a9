/**
 * The development mailbox (/dev/mailbox) is off unless CAREERWIKI_DEV_MAILBOX=1 is set
 * explicitly, whatever NODE_ENV says: it shows working sign-in links, so it must never be
 * on by accident (e.g. in production, where NODE_ENV is "production" too).
 */
export function isDevMailboxEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CAREERWIKI_DEV_MAILBOX === "1";
}
