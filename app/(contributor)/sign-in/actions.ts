"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { enabledOAuthProviders, signIn } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/auth/callback-url";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { siteUrl } from "@/lib/site-url.cjs";
import { ZRequestSignInLinkInputSchema, ZSignInWithProviderInputSchema, type TSignInFormState } from "./schema";

/**
 * Sends a magic link (Auth.js' email provider). Validation, the email limits (in Auth.js'
 * signIn callback) and sending problems come back as form state; success goes to the
 * "check your email" page.
 */
export async function requestSignInLink(_previous: TSignInFormState, formData: FormData): Promise<TSignInFormState> {
  const raw = { email: formData.get("email"), callbackUrl: formData.get("callbackUrl") ?? undefined };
  const values = { email: typeof raw.email === "string" ? raw.email : "" };
  const parsed = ZRequestSignInLinkInputSchema.safeParse(raw);
  if (!parsed.success) {
    return { status: "error", message: "Please check your email address.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  const redirectTo = safeReturnPath(parsed.data.callbackUrl) ?? "/";
  let target: string;
  try {
    target = await signIn("nodemailer", { email: parsed.data.email, redirectTo, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    console.error("[auth] sign-in email failed:", error);
    return { status: "error", message: signInErrorMessage(new URLSearchParams({ error: error.type })) ?? undefined, values };
  }
  // Refusals (the email limits, a banned address) come back as a redirect to the sign-in page with an error code.
  const url = new URL(target, siteUrl());
  const refusal = url.pathname === "/sign-in" ? signInErrorMessage(url.searchParams) : null;
  if (refusal) return { status: "error", message: refusal, values };
  redirect("/sign-in/check-email");
}

/** Starts GitHub or Google sign-in, when that provider is configured. */
export async function signInWithProvider(formData: FormData): Promise<void> {
  const parsed = ZSignInWithProviderInputSchema.safeParse({ provider: formData.get("provider"), callbackUrl: formData.get("callbackUrl") ?? undefined });
  if (!parsed.success || !enabledOAuthProviders().some((p) => p.id === parsed.data.provider)) redirect("/sign-in");
  const redirectTo = safeReturnPath(parsed.data.callbackUrl) ?? "/";
  await signIn(parsed.data.provider, { redirectTo });
}
