"use client";

import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { unwatchPageAction, watchPageAction } from "@/app/(contributor)/me/watching/actions";
import { SESSION_CHANGED_EVENT } from "@/components/auth/session-events";

type WatchState = { status: "loading" } | { status: "signed-out" } | { status: "signed-in"; watching: boolean };

/**
 * "Watch this page" / "Stop watching" on the role page. The state is asked from the browser
 * (`/api/watches/<code>`, never cached), as the account menu asks for the session, so the
 * cached page reads no cookie and is the same for everyone.
 */
export function WatchButton({ code, slug }: { code: string; slug: string }) {
  const [state, setState] = useState<WatchState>({ status: "loading" });
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      try {
        const response = await fetch(`/api/watches/${code}`, { cache: "no-store", credentials: "same-origin" });
        const body = response.ok ? ((await response.json()) as { signedIn: boolean; watching: boolean }) : null;
        if (!cancelled) setState(body?.signedIn ? { status: "signed-in", watching: body.watching } : { status: "signed-out" });
      } catch {
        if (!cancelled) setState({ status: "signed-out" });
      }
    };
    void load();
    window.addEventListener(SESSION_CHANGED_EVENT, load);
    return () => {
      cancelled = true;
      window.removeEventListener(SESSION_CHANGED_EVENT, load);
    };
  }, [code]);

  // Holds the room of the longest answer while the state loads, so the row does not shift (CLS).
  if (state.status === "loading")
    return (
      <span className="watch-button watch-button-loading" aria-hidden="true">
        Sign in to watch this page
      </span>
    );
  if (state.status === "signed-out") {
    return (
      <Link href={`/sign-in?${new URLSearchParams({ callbackUrl: `/roles/${slug}` })}`} rel="nofollow">
        Sign in to watch this page
      </Link>
    );
  }
  const toggle = () =>
    startTransition(async () => {
      const result = await (state.watching ? unwatchPageAction : watchPageAction)({ occupationCode: code });
      setMessage(result.message);
      if (result.ok) setState({ status: "signed-in", watching: !state.watching });
    });
  return (
    <span className="watch-button">
      <button type="button" className="link-button" onClick={toggle} disabled={pending} aria-pressed={state.watching}>
        {state.watching ? "Stop watching" : "Watch this page"}
      </button>
      <span role="status" className="hint">
        {message}
      </span>
    </span>
  );
}
