import "server-only";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, limitFromEnv } from "@/lib/rate-limit/consume-rate-limit";

export interface LimitSignInEmailsOptions {
  /** The normalised address the link would go to. */
  email: string;
  /** The requester's address (lib/auth/client-ip.ts). */
  ip: string;
  now?: Date;
}

export type TSignInLimitVerdict = { ok: true } | { ok: false; limit: "email" | "ip"; retryAfterSeconds: number };

const HOUR = 3600;

/**
 * Counts one sign-in email against the per-address and per-IP hourly limits
 * (RATE_LIMIT_SIGNIN_PER_EMAIL_PER_HOUR, default 5; RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR,
 * default 20) and says which one, if any, refuses it. Called from Auth.js' `signIn`
 * callback, the one place every email sign-in request passes (the form's server action and
 * a direct POST to /api/auth/signin/nodemailer alike).
 */
export async function limitSignInEmails({ email, ip, now = new Date() }: LimitSignInEmailsOptions): Promise<TSignInLimitVerdict> {
  const rules = [
    { limit: "email", key: `sign-in:email:${email}`, allowed: limitFromEnv("RATE_LIMIT_SIGNIN_PER_EMAIL_PER_HOUR", 5) },
    { limit: "ip", key: `sign-in:ip:${ip}`, allowed: limitFromEnv("RATE_LIMIT_SIGNIN_PER_IP_PER_HOUR", 20) },
  ] as const;
  for (const rule of rules) {
    try {
      await consumeRateLimit({ key: rule.key, limit: rule.allowed, windowSeconds: HOUR, message: signInLimitMessage(rule.limit) }, now);
    } catch (error) {
      if (error instanceof AppError && error.code === "RATE_LIMITED") {
        return { ok: false, limit: rule.limit, retryAfterSeconds: error.retryAfterSeconds ?? HOUR };
      }
      throw error;
    }
  }
  return { ok: true };
}

/** What the person is told when a sign-in email limit refuses them. */
export function signInLimitMessage(limit: "email" | "ip", retryAfterSeconds?: number): string {
  const what =
    limit === "email"
      ? "Too many sign-in links were requested for this email address."
      : "Too many sign-in links were requested from your network.";
  if (retryAfterSeconds === undefined) return what;
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `${what} Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}${limit === "email" ? ", or use the newest link already sent" : ""}.`;
}
