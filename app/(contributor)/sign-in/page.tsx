import type { Metadata } from "next";
import Link from "next/link";
import { enabledOAuthProviders } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/auth/callback-url";
import { getActor } from "@/lib/auth/get-actor";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { z } from "zod";
import { signInWithProvider } from "./actions";
import { SignInForm } from "./sign-in-form";
import { SubmitButton } from "@/components/ui/submit-button";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

interface SignInPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  // Only checked to be text (a NUL or invalid UTF-8 is the 404 page); each value is read below.
  const params = parsePageSearchParams(z.record(z.string(), z.union([z.string(), z.array(z.string())])), await searchParams).data ?? {};
  const first = (name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const callbackUrl = safeReturnPath(first("callbackUrl")) ?? "/";
  const signedIn = (await getActor()) !== null;
  const query = new URLSearchParams();
  for (const name of ["error", "limit", "wait", "notice"]) {
    const value = first(name);
    if (value) query.set(name, value);
  }
  const message = signInErrorMessage(query) ?? undefined;
  const providers = enabledOAuthProviders();
  if (signedIn) {
    return (
      <div className="narrow">
        <h1>Sign in</h1>
        {message && (
          <p role="alert" className="form__message--error">
            {message}
          </p>
        )}
        <p>
          You are already signed in. <Link href={callbackUrl}>Continue</Link> or go to <Link href="/profile">your profile</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <p className="muted">Sign in to share your experience of a career, suggest corrections and keep a profile. Reading needs no account.</p>
      <SignInForm callbackUrl={callbackUrl} initialMessage={message} />
      {providers.length > 0 && (
        <section aria-labelledby="other-ways">
          <h2 id="other-ways">Or sign in with</h2>
          {providers.map((provider) => (
            <form key={provider.id} action={signInWithProvider} className="inline-form">
              <input type="hidden" name="provider" value={provider.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <SubmitButton>Continue with {provider.name}</SubmitButton>
            </form>
          ))}
        </section>
      )}
    </div>
  );
}
