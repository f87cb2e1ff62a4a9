"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { FormState } from "@/components/ui/action-form";
import { StoredFormNotices } from "@/components/ui/stored-form-notices";

/**
 * A form's answer: the server's message, any field stored differently from how it was typed,
 * the field errors, and once sent a link to follow it. It takes the focus when it appears or
 * changes, so a keyboard or screen-reader user lands on what happened.
 */
export function FormAnswer({ state, sentLink }: { state: FormState; sentLink?: { href: string; label: string } }) {
  const answer = useRef<HTMLDivElement>(null);
  const fieldMessages = state.fieldErrors ? [...new Set(Object.values(state.fieldErrors).flat())] : [];
  useEffect(() => {
    answer.current?.focus();
  }, [state]);
  return (
    <div ref={answer} tabIndex={-1} className={state.ok ? "notice" : "error"} role={state.ok ? "status" : "alert"}>
      <p>{state.message}</p>
      {state.ok && <StoredFormNotices notices={state.storedNotices} />}
      {state.ok && sentLink && (
        <p>
          Sent. <Link href={sentLink.href}>{sentLink.label}</Link>
        </p>
      )}
      {!state.ok && fieldMessages.length > 0 && (
        <ul>
          {fieldMessages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
