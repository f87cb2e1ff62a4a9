"use client";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useSyncExternalStore } from "react";

/**
 * Where a form's answer goes when the form itself is gone: an action whose page no longer shows
 * its form (the withdrawn row, the last unread notification, a decided submission) would take
 * its answer and the focus with it. ActionForm hands such an answer over here.
 */
let answer: { message: string; pathname: string } | null = null;
const listeners = new Set<() => void>();

export function publishLeftAnswer(message: string) {
  answer = { message, pathname: window.location.pathname };
  for (const listener of listeners) listener();
}

/** A new action makes the last left answer old news: its own answer is the one to read. */
export function clearLeftAnswer() {
  if (!answer) return;
  answer = null;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The page-level place for answers whose form went away: shown, announced and focused; gone on another page. */
export function AnswerOutlet() {
  const pathname = usePathname();
  const current = useSyncExternalStore(subscribe, () => answer, () => null);
  const shown = current && current.pathname === pathname ? current : null;
  const box = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [shown]);
  return (
    <div aria-live="polite">
      {shown && (
        <p ref={box} tabIndex={-1} className="notice" role="status" data-testid="left-answer">
          {shown.message}
        </p>
      )}
    </div>
  );
}
