import type { Metadata } from "next";
import { SubmitButton } from "@/components/ui/submit-button";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: "Sign out", robots: { index: false } };

export default function SignOutPage() {
  return (
    <div className="narrow">
      <h1>Sign out</h1>
      <p>Sign out of Careerwiki on this browser?</p>
      <form action={signOutAction}>
        <SubmitButton pendingLabel="Signing out…">Sign out</SubmitButton>
      </form>
    </div>
  );
}
