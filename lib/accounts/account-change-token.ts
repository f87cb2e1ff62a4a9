import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { siteUrl } from "@/lib/site-url.cjs";

/** How long a confirmation link works: as long as a sign-in link. */
export const ACCOUNT_LINK_MAX_AGE_MS = 3600_000;

/** A new random token (sent in the link) and the hash stored in its place. */
export function newAccountChangeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashAccountChangeToken(token) };
}

export function hashAccountChangeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The link in the email: a page that shows what will happen and asks for one more click (mail scanners follow links). */
export function accountChangeUrl(token: string): string {
  return new URL(`/me/account/confirm?${new URLSearchParams({ token })}`, siteUrl()).toString();
}
