import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { DateTime } from "@/components/ui/date-time";
import { getOwnProfile } from "@/lib/profiles/get-own-profile";
import { findMyVerifications, type MyVerification } from "@/lib/verifications/find-my-verifications";
import { VERIFICATION_LIMITS } from "@/lib/verifications/request-verification.types";
import { verificationValidDays } from "@/lib/verifications/verification-period";
import { requestVerificationAction } from "./actions";

export const metadata: Metadata = { title: "Practitioner verification", robots: { index: false } };

const STATE_LABELS: Record<MyVerification["state"], string> = {
  PENDING: "Waiting for a moderator",
  GRANTED: "Verified",
  REFUSED: "Refused",
  REVOKED: "Revoked",
  EXPIRED: "Expired: ask again to renew",
};

export default async function MyVerificationsPage() {
  const actor = await requirePageActor("verification:request", "/me/verifications");
  const [verifications, profile] = await Promise.all([findMyVerifications({ actor }), getOwnProfile({ actor })]);
  const years = Math.round(verificationValidDays() / 365);
  return (
    <>
      <h1>Practitioner verification</h1>
      <p>
        Verified practitioners get a badge (“Verified practitioner: <em>occupation</em>”) beside their narratives, their corrections in the page history and on their public profile, and can review
        pending changes to occupations of their family. A verification lasts {years === 1 ? "a year" : `${years} years`}; ask again to renew it. What you send as evidence is seen by you and the
        moderators only, never on a public page, export or API.
      </p>

      <section aria-labelledby="ask-heading">
        <h2 id="ask-heading">Ask to be verified</h2>
        <ActionForm action={requestVerificationAction} label="Ask to be verified">
          <div className="field">
            <label htmlFor="occupationCode">Occupation (its O*NET-SOC code)</label>
            <input id="occupationCode" name="occupationCode" list="my-occupations" required size={12} placeholder="29-1141.00" />
            <datalist id="my-occupations">
              {profile.occupations.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.title}
                </option>
              ))}
            </datalist>
          </div>
          <fieldset>
            <legend>Evidence: at least one</legend>
            <div className="field">
              <label htmlFor="credentialIssuer">Licence or credential: issuer</label>
              <input id="credentialIssuer" name="credentialIssuer" maxLength={VERIFICATION_LIMITS.issuer} placeholder="Ohio Board of Nursing" />
            </div>
            <div className="field">
              <label htmlFor="credentialNumber">Licence or credential: number</label>
              <input id="credentialNumber" name="credentialNumber" maxLength={VERIFICATION_LIMITS.number} />
            </div>
            <div className="field">
              <label htmlFor="referenceUrl">Reference link (a registry entry, a staff page)</label>
              <input id="referenceUrl" name="referenceUrl" type="url" maxLength={VERIFICATION_LIMITS.url} />
            </div>
            <div className="field">
              <label htmlFor="workEmail">Work email address (we send it a link to confirm)</label>
              <input id="workEmail" name="workEmail" type="email" maxLength={VERIFICATION_LIMITS.email} />
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="note">
              Anything the moderators should know <span className="muted">(optional)</span>
            </label>
            <textarea id="note" name="note" rows={3} maxLength={VERIFICATION_LIMITS.note} />
          </div>
          <button type="submit">Ask to be verified</button>
        </ActionForm>
      </section>

      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">Your requests</h2>
        {verifications.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <table className="role-table" data-testid="my-verifications">
            <thead>
              <tr>
                <th scope="col">Occupation</th>
                <th scope="col">State</th>
                <th scope="col">Asked</th>
                <th scope="col">Until</th>
                <th scope="col">Evidence</th>
                <th scope="col">Reason given</th>
              </tr>
            </thead>
            <tbody>
              {verifications.map((v) => (
                <tr key={v.id}>
                  <td>
                    {v.occupationTitle} <span className="code">{v.occupationCode}</span>
                  </td>
                  <td>{STATE_LABELS[v.state]}</td>
                  <td>
                    <DateTime value={v.requestedAt} precision="date" />
                  </td>
                  <td>{v.expiresAt && (v.state === "GRANTED" || v.state === "EXPIRED") ? <DateTime value={v.expiresAt} precision="date" /> : ""}</td>
                  <td>
                    {[v.evidence.credential, v.evidence.referenceUrl, v.evidence.workEmail && `${v.evidence.workEmail} (${v.evidence.workEmailConfirmed ? "confirmed" : "not confirmed yet"})`]
                      .filter(Boolean)
                      .join(" · ")}
                  </td>
                  <td>{v.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          Verified practitioners review pending changes at <Link href="/me/review">Review as a practitioner</Link>.
        </p>
      </section>
    </>
  );
}
