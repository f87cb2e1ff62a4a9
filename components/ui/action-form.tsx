"use client";
import { type ReactNode, useActionState } from "react";

export interface FormState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

/**
 * A form posting to a server action, showing its answer (success or the server's error
 * message and field errors) in a live region. Works without JavaScript too.
 */
export function ActionForm({ action, children, className, label }: { action: (state: FormState | null, formData: FormData) => Promise<FormState>; children: ReactNode; className?: string; label?: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const fieldMessages = state?.fieldErrors ? Object.values(state.fieldErrors).flat() : [];
  return (
    <form action={formAction} className={className} aria-label={label}>
      <fieldset disabled={pending} className="plain">
        {children}
      </fieldset>
      <div aria-live="polite">
        {state && (
          <div className={state.ok ? "notice" : "error"} role={state.ok ? "status" : "alert"}>
            <p>{state.message}</p>
            {!state.ok && fieldMessages.length > 0 && (
              <ul>
                {[...new Set(fieldMessages)].map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
