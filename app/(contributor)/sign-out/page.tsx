import type { Metadata } from "next";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: "Sign out", robots: { index: false } };

export default function SignOutPage() {
  return (
    <div className="narrow">
      <h1>Sign out</h1>
      <p>Sign out of Careerwiki on this browser?</p>
      <form action={signOutAction}>
        <button type="submit">Sign out</button>
      </form>
    </div>
  );
}
