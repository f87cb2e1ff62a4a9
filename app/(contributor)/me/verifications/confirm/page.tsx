import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ActionForm } from "@/components/ui/action-form";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { getWorkEmailConfirmation } from "@/lib/verifications/confirm-work-email";
import { confirmWorkEmailAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your work address", robots: { index: false } };

// Opened from the email sent to the work address, maybe on another device: the token is the
// proof, no session is needed. Opening the page changes nothing (mail scanners follow links); the button does.
export default async function ConfirmWorkEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = parsePageSearchParams(z.object({ token: z.string() }), await searchParams).data?.token;
  const confirmation = await getWorkEmailConfirmation({ token });
  if (!confirmation) {
    return (
      <div className="narrow">
        <h1>This link does not work any more</h1>
        <p>
          It has expired (links work for a day) or was already used. Ask again from <Link href="/me/verifications">your verifications</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Confirm your work address</h1>
      <p>
        Confirm that you read mail at <strong>{confirmation.workEmail}</strong>, as evidence for your verification as a practitioner of {confirmation.occupationTitle}. Only the moderators see it.
      </p>
      <ActionForm action={confirmWorkEmailAction} label="Confirm" sentLink={{ href: "/me/verifications", label: "Your verifications" }}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">Confirm this address</button>
      </ActionForm>
    </div>
  );
}
