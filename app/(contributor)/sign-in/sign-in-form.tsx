"use client";

import { useActionState, useEffect, useRef } from "react";
import { requestSignInLink } from "./actions";
import type { TSignInFormState } from "./schema";

export function SignInForm({ callbackUrl, initialMessage }: { callbackUrl: string; initialMessage?: string }) {
  // The permalink is the form's action before JavaScript loads (without it React writes action="", which HTML forbids).
  const [state, formAction, pending] = useActionState<TSignInFormState, FormData>(
    requestSignInLink,
    { status: initialMessage ? "error" : "idle", message: initialMessage, values: { email: "" } },
    "/sign-in",
  );
  const emailErrors = state.fieldErrors?.email ?? [];
  const alert = useRef<HTMLDivElement>(null);
  const emailField = useRef<HTMLInputElement>(null);
  // Focus follows a refusal (as in ActionForm): the address to fix, described by its message, or the message itself.
  useEffect(() => {
    if (state.status !== "error") return;
    if (state.fieldErrors?.email?.length) emailField.current?.focus();
    else alert.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div ref={alert} tabIndex={-1} role="alert" aria-live="assertive" className="form__message form__message--error">
        {state.status === "error" && !emailErrors.length ? state.message : null}
      </div>
      <div className="field">
        <label htmlFor="email">Email address</label>
        <input
          ref={emailField}
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.values.email}
          aria-invalid={emailErrors.length ? true : undefined}
          aria-describedby="email-hint email-error"
        />
        <p id="email-hint" className="hint">
          We will email you a link that signs you in. No password needed.
        </p>
        <div id="email-error" className="field__error" aria-live="polite">
          {emailErrors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      </div>
      <div className="form__actions">
        <button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Email me a sign-in link"}
        </button>
      </div>
    </form>
  );
}
