"use client";
import { type ReactNode, useActionState, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { clearLeftAnswer, publishLeftAnswer } from "@/components/ui/answer-outlet";
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
 * live region that takes the focus ("Sending…" while it waits; the page's AnswerOutlet when the
 * page drops the form with its answer). Works without JavaScript too. What it would send is
 * measured first: over the server actions' body limit the form says so itself instead of sending.
 */
export function ActionForm({ action, children, className, label, sentLink, idempotencyKey }: ActionFormProps) {
  const hydrated = useSyncExternalStore(noChanges, () => true, () => false);
  const unshown = useRef<FormState | null>(null);
  // Once hydrated, each answer is noted as it arrives: when the same commit removes this form (the
  // page, revalidated, no longer offers it), the answer goes to the page's AnswerOutlet instead.
  // Until then the server action itself, so the form posts without JavaScript.
  const send = useMemo(
    () =>
      hydrated
        ? async (previous: FormState | null, formData: FormData) => {
            const answer = await action(previous, formData);
            unshown.current = answer;
            return answer;
          }
        : action,
    [hydrated, action],
  );
  const [serverState, formAction, pending] = useActionState(send, null);
  const [tooLarge, setTooLarge] = useState<FormState | null>(null);
  const state = tooLarge ?? serverState;
  const sent = Boolean(sentLink && serverState?.ok);
  const form = useRef<HTMLFormElement>(null);
  const keyField = useRef<HTMLInputElement>(null);
  const sendKey = useSendKey();
  const typed = useRef<[string, string][]>([]);
  const sendsOnce = Boolean(sentLink);
  // React resets a form after its action runs; a refused one (and a sent one, still shown) must
  // keep what the person typed and chose. Once per answer: never over what they do afterwards.
  useEffect(() => {
    if (!serverState || (serverState.ok && !sendsOnce) || !form.current) return;
    restoreSent(form.current, typed.current);
  }, [serverState, sendsOnce]);
  useEffect(() => {
    if (serverState) sendKey.answered();
  }, [serverState, sendKey]);
  // Shown here (FormAnswer takes the focus): nothing is left for the AnswerOutlet.
  useEffect(() => {
    if (state) unshown.current = null;
  }, [state]);
  useEffect(
    () => () => {
      if (unshown.current) publishLeftAnswer(unshown.current.message);
    },
    [],
  );
  return (
    <form
      ref={form}
      action={formAction}
      className={className}
      aria-label={label}
      onSubmit={(event) => {
        if (keyField.current) keyField.current.value = sendKey.take();
        typed.current = [...new FormData(event.currentTarget).entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string");
        clearLeftAnswer();
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

const noChanges = () => () => {};

/**
 * Puts every named control back as it was sent: text in order of its name, and ticks, radios
 * and select options by whether their value was sent (an unticked box sends nothing, so it is
 * unticked again even where its default is ticked). Disabled controls sent nothing: left alone.
 */
function restoreSent(form: HTMLFormElement, sent: [string, string][]) {
  const texts = new Map<string, string[]>();
  for (const [name, value] of sent) texts.set(name, [...(texts.get(name) ?? []), value]);
  const wasSent = (name: string, value: string) => texts.get(name)?.includes(value) ?? false;
  for (const field of form.elements) {
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) || !field.name || field.disabled) continue;
    if (field instanceof HTMLSelectElement) {
      for (const option of field.options) option.selected = wasSent(field.name, option.value);
    } else if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")) {
      field.checked = wasSent(field.name, field.value);
    } else if (field.type !== "hidden" && field.type !== "file") {
      const value = texts.get(field.name)?.shift();
      if (value !== undefined) field.value = value;
    }
  }
}
