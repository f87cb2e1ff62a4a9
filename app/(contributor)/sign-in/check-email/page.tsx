import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <div className="narrow">
      <h1>Check your email</h1>
      <p>We sent you a sign-in link. Open it in this browser to sign in; it works once and expires in an hour.</p>
      <p className="muted">
        Nothing arrived after a few minutes? Look in your spam folder, or <Link href="/sign-in">ask for a new link</Link>.
      </p>
    </div>
  );
}
