"use client";
import { type ReactNode, useActionState, useEffect, useRef } from "react";

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
  const form = useRef<HTMLFormElement>(null);
  const typed = useRef<[string, string][]>([]);
  // React resets a form after its action runs; a refused one must keep what the person typed.
  useEffect(() => {
    if (!state || state.ok || !form.current) return;
    for (const [name, value] of typed.current) {
      const field = form.current.elements.namedItem(name);
      if ((field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) && field.type !== "hidden") field.value = value;
    }
  }, [state]);
  return (
    <form
      ref={form}
      action={formAction}
      className={className}
      aria-label={label}
      onSubmit={(event) => {
        typed.current = [...new FormData(event.currentTarget).entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string");
      }}
    >
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
