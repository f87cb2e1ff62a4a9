import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import Nodemailer from "next-auth/providers/nodemailer";
import { headers } from "next/headers";
import { prisma } from "@/lib/db/prisma";
import { siteUrl } from "@/lib/site-url.cjs";
import { redirectCallback } from "./callback-url";
import { clientIpFromHeaders } from "./client-ip";
import { limitSignInEmails } from "./limit-sign-in-emails";
import { DEFAULT_EMAIL_FROM } from "@/lib/email/send-email";
import { sendSignInEmail } from "./send-sign-in-email";
import { isSessionToken } from "./session-cookie";
import { isSuspended } from "@/lib/people/suspension";
import { encodeSuspensionNotice } from "./suspension-notice";
import { logger } from "@/lib/logging/logger.cjs";

/**
 * Auth.js (next-auth 5) for Careerwiki: database sessions (a row per session, so signing
 * out, a ban or a role change takes effect at once), email magic links through nodemailer,
 * and GitHub / Google only when their credentials are configured. The config is built per
 * request (lazy form), so the environment is read at run time, never at build time.
 *
 * Server code does not call `auth()` to authorise: it uses getActor / requireActor
 * (lib/auth/get-actor.ts), which read the same Session rows.
 */
type Env = Record<string, string | undefined>;

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;
/** How long a magic link works. */
export const EMAIL_LINK_MAX_AGE_SECONDS = 3600;

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  // Auth.js takes its own address from process.env.AUTH_URL alone (next-auth's reqWithEnvURL
  // rewrites each request's origin with it; @auth/core's createActionURL builds sign-in and
  // session URLs from it); without it, from the Host and X-Forwarded-Host headers. Pinned to
  // the configured site URL, so no header ever chooses where a magic link points.
  process.env.AUTH_URL = siteUrl();
  return { ...buildAuthConfig(), useSecureCookies: await servedOverHttps() };
});

export function buildAuthConfig(env: Env = process.env): NextAuthConfig {
  return {
    adapter: careerwikiAdapter(),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 3600 },
    providers: buildProviders(env),
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    // One line per error, no stack. A client's mistake (an unknown action, a used or mangled
    // link, a missing CSRF token, a body that is no JSON), which Auth.js answers itself, is
    // already the request's log line: its details only on LOG_LEVEL=debug.
    logger: {
      error: (error) => {
        if (isClientMistake(error)) logger.debug({ component: "auth" }, oneLine(error));
        else logger.error({ component: "auth" }, oneLine(error));
      },
    },
    callbacks: {
      redirect: redirectCallback,
      async signIn({ user, email }) {
        if (!user.email) return false;
        const suspension = await activeSuspension(user.email);
        // The link itself still goes out: following it proves the address, and only then is
        // the reason and end date shown (never to whoever typed the address).
        if (suspension && !email?.verificationRequest) {
          const notice = encodeSuspensionNotice(suspension);
          return `/sign-in?${new URLSearchParams({ error: "Suspended", ...(notice ? { notice } : {}) })}`;
        }
        if (email?.verificationRequest) {
          const verdict = await limitSignInEmails({ email: user.email, ip: await requestIp() });
          if (!verdict.ok) {
            return `/sign-in?${new URLSearchParams({ error: "RateLimited", limit: verdict.limit, wait: String(verdict.retryAfterSeconds) })}`;
          }
        }
        return true;
      },
      // What /api/auth/session tells the browser (the header's account menu): no role, no ids.
      session({ session, user }) {
        return { user: { name: user.name ?? null, email: user.email }, expires: session.expires };
      },
    },
  };
}

/** The providers switched on by the environment. */
function buildProviders(env: Env): NextAuthConfig["providers"] {
  const providers: NextAuthConfig["providers"] = [
    Nodemailer({
      // Nodemailer() insists on a server; without EMAIL_SERVER sendSignInEmail logs the link instead.
      server: env.EMAIL_SERVER || "smtp://127.0.0.1:25",
      from: env.EMAIL_FROM || DEFAULT_EMAIL_FROM,
      maxAge: EMAIL_LINK_MAX_AGE_SECONDS,
      sendVerificationRequest: ({ identifier, url, expires }) => sendSignInEmail({ to: identifier, url, expires }),
    }),
  ];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  return providers;
}

/** The OAuth providers the sign-in page offers (ids and names only). */
export function enabledOAuthProviders(env: Env = process.env): { id: "github" | "google"; name: string }[] {
  const enabled: { id: "github" | "google"; name: string }[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) enabled.push({ id: "github", name: "GitHub" });
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) enabled.push({ id: "google", name: "Google" });
  return enabled;
}

/**
 * The stock Prisma adapter, with two changes: a suspended user's session reads as no session
 * (Auth.js then clears the cookie), and OAuth accounts keep only the columns we have
 * (GitHub can add fields such as `refresh_token_expires_in` that would make the insert fail).
 */
function careerwikiAdapter(): Adapter {
  const base = PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    async getSessionAndUser(sessionToken) {
      if (!isSessionToken(sessionToken)) return null;
      const found = await base.getSessionAndUser!(sessionToken);
      const user = found?.user as { bannedAt?: Date | null; bannedUntil?: Date | null } | undefined;
      if (user && isSuspended({ bannedAt: user.bannedAt ?? null, bannedUntil: user.bannedUntil ?? null })) return null;
      return found;
    },
    linkAccount(account) {
      const kept: AdapterAccount = {
        userId: account.userId,
        type: account.type,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        refresh_token: account.refresh_token,
        access_token: account.access_token,
        expires_at: account.expires_at,
        token_type: account.token_type,
        scope: account.scope,
        id_token: account.id_token,
        session_state: account.session_state,
      };
      // Prisma's strictUndefinedChecks refuses explicit undefined values.
      return base.linkAccount!(Object.fromEntries(Object.entries(kept).filter(([, value]) => value !== undefined)) as AdapterAccount);
    },
  };
}

/** An Auth.js error and its cause as one log line. */
/** Auth.js errors (their `type`, else the error's name) that a request causes, not the server. */
const CLIENT_MISTAKES = new Set(["UnknownAction", "MissingCSRF", "InvalidCheck", "Verification", "InvalidCallbackUrl", "InvalidProvider", "AccessDenied", "SyntaxError"]);

function isClientMistake(error: Error): boolean {
  const type = (error as { type?: string }).type ?? error.name;
  if (CLIENT_MISTAKES.has(type)) return true;
  // A callback refused for what the request carried (Auth.js checks its input with TypeErrors:
  // a missing or mangled token), not for the server (an AdapterError: the database).
  const cause = causeOf(error);
  return type === "CallbackRouteError" && (cause instanceof TypeError || (cause instanceof Error && isClientMistake(cause)));
}

/** Auth.js wraps the cause as `{ err }`. */
function causeOf(error: Error): unknown {
  return (error.cause as { err?: unknown } | undefined)?.err ?? error.cause;
}

function oneLine(error: Error): string {
  const cause = causeOf(error);
  const text = `${(error as { type?: string }).type ?? error.name}: ${error.message}${cause instanceof Error ? ` (cause: ${cause.name}: ${cause.message})` : ""}`;
  return text.replace(/\s+/g, " ").slice(0, 500);
}

/** The suspension that applies now to the account with this address, if any. */
async function activeSuspension(email: string): Promise<{ reason: string; until: Date | null } | null> {
  const user = await prisma.user.findUnique({ where: { email }, select: { bannedAt: true, bannedUntil: true, banReason: true } });
  if (!user || !isSuspended(user)) return null;
  return { reason: user.banReason ?? "No reason was recorded.", until: user.bannedUntil };
}

async function requestIp(): Promise<string> {
  try {
    return clientIpFromHeaders(await headers());
  } catch {
    return "unknown";
  }
}

/**
 * Whether this request reached the site over https, as the forwarded-headers preload decided
 * (the site URL is https, or a trusted proxy said so): then the session cookie is
 * `__Secure-` and `Secure`. Outside a request, the site URL decides.
 */
async function servedOverHttps(): Promise<boolean> {
  try {
    return (await headers()).get("x-forwarded-proto") === "https";
  } catch {
    return siteUrl().startsWith("https:");
  }
}
