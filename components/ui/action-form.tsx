"use client";
import { type ReactNode, useActionState, useEffect, useRef, useState } from "react";
import { FormAnswer } from "@/components/ui/form-answer";
import { useSendKey } from "@/components/ui/use-send-key";
import { tooLargeToSend, utf8Bytes } from "@/lib/validation/request-size";
import type { StoredFormNotice } from "@/lib/validation/clean-text";

export interface FormState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[]>;
  storedNotices?: StoredFormNotice[];
}

export interface ActionFormProps {
  action: (state: FormState | null, formData: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
  label?: string;
  /**
   * A form that sends something once (a submission, a report): after success it stays
   * disabled ("Sent") and links to where the sent thing can be followed.
   */
  sentLink?: { href: string; label: string };
  /**
   * The page's idempotency key, sent by a form without JavaScript; with it, each send carries a
   * key made in the browser (useSendKey), as an old form shown again with Back has a used one.
   */
  idempotencyKey?: string;
}

/**
 * A form posting to a server action, showing its answer (FormAnswer: success or the server's
 * error message and field errors, and any field stored differently from how it was typed) in a
 * live region that takes the focus ("Sending…" while it waits). Works without JavaScript too. What it would send is measured first: over the
 * server actions' body limit the form says so itself instead of sending.
 */
export function ActionForm({ action, children, className, label, sentLink, idempotencyKey }: ActionFormProps) {
  const [serverState, formAction, pending] = useActionState(action, null);
  const [tooLarge, setTooLarge] = useState<FormState | null>(null);
  const state = tooLarge ?? serverState;
  const sent = Boolean(sentLink && serverState?.ok);
  const form = useRef<HTMLFormElement>(null);
  const keyField = useRef<HTMLInputElement>(null);
  const sendKey = useSendKey();
  const typed = useRef<[string, string][]>([]);
  const sendsOnce = Boolean(sentLink);
  // React resets a form after its action runs; a refused one (and a sent one, still shown) must
  // keep what the person typed. Once per answer: never over what they type afterwards.
  useEffect(() => {
    if (!serverState || (serverState.ok && !sendsOnce) || !form.current) return;
    for (const [name, value] of typed.current) {
      const field = form.current.elements.namedItem(name);
      if ((field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) && field.type !== "hidden" && field.type !== "checkbox") field.value = value;
    }
  }, [serverState, sendsOnce]);
  useEffect(() => {
    if (serverState) sendKey.answered();
  }, [serverState, sendKey]);
  return (
    <form
      ref={form}
      action={formAction}
      className={className}
      aria-label={label}
      onSubmit={(event) => {
        if (keyField.current) keyField.current.value = sendKey.take();
        typed.current = [...new FormData(event.currentTarget).entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string");
        const message = tooLargeToSend(typed.current.reduce((sum, [name, value]) => sum + utf8Bytes(name) + utf8Bytes(value), 0));
        setTooLarge(message ? { ok: false, message } : null);
        if (message) event.preventDefault();
      }}
    >
      <fieldset disabled={pending || sent} className="plain">
        {idempotencyKey && <input ref={keyField} type="hidden" name="idempotencyKey" defaultValue={idempotencyKey} />}
        {children}
      </fieldset>
      <div aria-live="polite">
        {pending && <p className="muted">Sending…</p>}
        {state && !pending && <FormAnswer state={state} sentLink={sent ? sentLink : undefined} />}
      </div>
    </form>
  );
}
