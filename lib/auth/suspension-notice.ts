import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * What a suspended person sees when they follow a sign-in link: the reason and the end date.
 * Auth.js can only redirect to a URL, and the sign-in page never echoes text from its URL, so
 * the notice travels signed with AUTH_SECRET (HMAC-SHA256) and expires after 15 minutes. It
 * is made only after the link was followed, so only the address's owner learns the reason.
 */
const LIFETIME_MS = 15 * 60_000;

const ZSuspensionNoticeSchema = z.object({ reason: z.string().max(1000), until: z.string().datetime().nullable(), expires: z.number() });

interface SuspensionNotice {
  reason: string;
  until: Date | null;
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`suspension-notice:${payload}`).digest("base64url");
}

/** The `notice` query value for the sign-in page, or null when no secret is configured. */
export function encodeSuspensionNotice({ reason, until }: SuspensionNotice, now = new Date()): string | null {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const payload = Buffer.from(JSON.stringify({ reason, until: until?.toISOString() ?? null, expires: now.getTime() + LIFETIME_MS })).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

/** The notice a `notice` query value carries, or null when it is missing, forged or expired. */
export function decodeSuspensionNotice(value: string | null, now = new Date()): SuspensionNotice | null {
  const secret = process.env.AUTH_SECRET;
  if (!secret || !value) return null;
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = ZSuspensionNoticeSchema.safeParse(json);
  if (!parsed.success || parsed.data.expires < now.getTime()) return null;
  return { reason: parsed.data.reason, until: parsed.data.until ? new Date(parsed.data.until) : null };
}
