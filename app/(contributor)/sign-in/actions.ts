"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { enabledOAuthProviders, signIn } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/auth/callback-url";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { siteUrl } from "@/lib/site-url.cjs";
import { ZRequestSignInLinkInputSchema, ZSignInWithProviderInputSchema, type TSignInFormState } from "./schema";
import { logger } from "@/lib/logging/logger.cjs";

/** The email as typed, to show again beside the error. */
const typedEmail = (raw: unknown) => {
  const email = (raw as { email?: unknown } | null | undefined)?.email;
  return { email: typeof email === "string" ? email : "" };
};

/**
 * Sends a magic link (Auth.js' email provider); public, as signing in must be. Validation,
 * the email limits (in Auth.js' signIn callback) and sending problems come back as form
 * state; success goes to the "check your email" page.
 */
export const requestSignInLink = defineAction({
  ability: null,
  schema: ZRequestSignInLinkInputSchema,
  run: async ({ input }): Promise<TSignInFormState> => {
    const values = { email: input.email };
    const redirectTo = safeReturnPath(input.callbackUrl) ?? "/";
    let target: string;
    try {
      target = await signIn("nodemailer", { email: input.email, redirectTo, redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      logger.error({ component: "auth", err: error }, "sign-in email failed");
      return { status: "error", message: signInErrorMessage(new URLSearchParams({ error: error.type })) ?? undefined, values };
    }
    // Refusals (the email limits, a banned address) come back as a redirect to the sign-in page with an error code.
    const url = new URL(target, siteUrl());
    const refusal = url.pathname === "/sign-in" ? signInErrorMessage(url.searchParams) : null;
    if (refusal) return { status: "error", message: refusal, values };
    redirect("/sign-in/check-email");
  },
  failed: (failure, { raw }): TSignInFormState => ({
    status: "error",
    message: failure.fieldErrors ? "Please check your email address." : failure.message,
    fieldErrors: failure.fieldErrors,
    values: typedEmail(raw),
  }),
});

/** Starts GitHub or Google sign-in, when that provider is configured; anything else goes back to the sign-in page. */
export const signInWithProvider = defineAction({
  ability: null,
  schema: ZSignInWithProviderInputSchema,
  run: async ({ input }): Promise<void> => {
    if (!enabledOAuthProviders().some((p) => p.id === input.provider)) redirect("/sign-in");
    await signIn(input.provider, { redirectTo: safeReturnPath(input.callbackUrl) ?? "/" });
  },
  failed: () => redirect("/sign-in"),
});
