"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { signOutAction } from "@/app/(contributor)/sign-out/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { SESSION_CHANGED_EVENT } from "./session-events";

type SessionState = { status: "loading" } | { status: "signed-out" } | { status: "signed-in"; name: string };

/**
 * "Sign in", or the person's name with Profile and Sign out. It asks /api/auth/session from
 * the browser, so the root layout never reads cookies and reader pages stay cacheable.
 */
export function AccountMenu() {
  const [session, setSession] = useState<SessionState>({ status: "loading" });
  const pathname = usePathname();

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      try {
        const response = await fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" });
        const body = response.ok ? ((await response.json()) as { user?: { name?: string | null; email?: string | null } } | null) : null;
        if (cancelled) return;
        const user = body?.user;
        setSession(user ? { status: "signed-in", name: user.name || user.email || "Your account" } : { status: "signed-out" });
      } catch {
        if (!cancelled) setSession({ status: "signed-out" });
      }
    };
    void load();
    window.addEventListener(SESSION_CHANGED_EVENT, load);
    return () => {
      cancelled = true;
      window.removeEventListener(SESSION_CHANGED_EVENT, load);
    };
  }, []);

  if (session.status === "loading") return <nav aria-label="Account" className="account-menu" aria-busy="true" />;
  if (session.status === "signed-out") {
    const back = pathname && !pathname.startsWith("/sign-in") && !pathname.startsWith("/sign-out") ? `?${new URLSearchParams({ callbackUrl: pathname })}` : "";
    return (
      <nav aria-label="Account" className="account-menu">
        <Link href={`/sign-in${back}`}>Sign in</Link>
      </nav>
    );
  }
  return (
    <nav aria-label="Account" className="account-menu">
      <span className="account-menu__name" data-testid="account-name">
        {session.name}
      </span>
      <Link href="/profile">Profile</Link>
      <form action={signOutAction} className="inline-form">
        <SubmitButton className="link-button" pendingLabel="Signing out…">
          Sign out
        </SubmitButton>
      </form>
    </nav>
  );
}
