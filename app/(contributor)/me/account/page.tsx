import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { getOwnProfile } from "@/lib/profiles/get-own-profile";
import { requestAccountDeletionAction, requestEmailChangeAction } from "./actions";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage() {
  const actor = await requirePageActor("account:manage-own", "/me/account");
  const { email } = await getOwnProfile({ actor });
  return (
    <>
      <h1>Your account</h1>
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Download my data</h2>
        <p>Your profile, every submission with its status and the reasons given for decisions, your narratives, reports, notifications and the sign-ins the site keeps.</p>
        <p>
          <a href="/me/account/export?format=json" download>
            Download as JSON
          </a>{" "}
          ·{" "}
          <a href="/me/account/export?format=markdown" download>
            Download as Markdown
          </a>
        </p>
      </section>

      <section aria-labelledby="email-heading">
        <h2 id="email-heading">Sign-in address</h2>
        <p>
          You sign in with <strong data-testid="account-email">{email}</strong>. To use another address, enter it: we send a link there, and the address changes once you open it.
        </p>
        <ActionForm action={requestEmailChangeAction} label="Change sign-in address">
          <label>
            New email address <input name="newEmail" type="email" required autoComplete="email" size={30} />
          </label>{" "}
          <button type="submit">Email a link to the new address</button>
        </ActionForm>
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete my account</h2>
        <p>
          Your account, sessions and profile are erased, and submissions still waiting for a decision are withdrawn. Narratives and corrections that were published stay on the pages, so their
          history still makes sense, shown as written by “a former contributor”; tick the box to take your narratives off the pages too. We send a link to {email} first: nothing is deleted until you
          open it and confirm.
        </p>
        <ActionForm action={requestAccountDeletionAction} label="Delete my account">
          <label>
            <input type="checkbox" name="withdrawNarratives" /> Also take my published narratives off the pages
          </label>{" "}
          <button type="submit">Email me a link to delete my account</button>
        </ActionForm>
      </section>
    </>
  );
}
