import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ActionForm } from "@/components/ui/action-form";
import { getAccountChange } from "@/lib/accounts/get-account-change";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { confirmAccountChangeAction } from "../actions";

export const metadata: Metadata = { title: "Confirm", robots: { index: false } };

// Opened from a confirmation email, maybe on another device: the token is the proof, no
// session is needed. Opening the page changes nothing (mail scanners follow links); the button does.
export default async function ConfirmAccountChangePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = parsePageSearchParams(z.object({ token: z.string() }), await searchParams).data?.token;
  const change = await getAccountChange({ token });
  if (!change) {
    return (
      <div className="narrow">
        <h1>This link does not work any more</h1>
        <p>
          It has expired (links work for an hour) or was already used. Ask again from <Link href="/me/account">your account page</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      {change.kind === "DELETE_ACCOUNT" ? (
        <>
          <h1>Delete your account</h1>
          <p>
            Your account, sessions and profile will be erased and your pending submissions withdrawn.{" "}
            {change.withdrawNarratives
              ? "Your published narratives will be taken off the pages."
              : "What you published stays on the pages, shown as written by “a former contributor”."}{" "}
            This cannot be undone.
          </p>
        </>
      ) : (
        <>
          <h1>Confirm your new sign-in address</h1>
          <p>From now on you will sign in with {change.newEmail}.</p>
        </>
      )}
      <ActionForm action={confirmAccountChangeAction} label="Confirm" sentLink={{ href: "/", label: "Go to the home page" }}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">{change.kind === "DELETE_ACCOUNT" ? "Delete my account now" : "Use this address"}</button>
      </ActionForm>
    </div>
  );
}
