import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { DateTime } from "@/components/ui/date-time";
import { findVerificationRequests, type VerificationForModerators } from "@/lib/verifications/find-verification-requests";
import { VERIFICATION_LIMITS } from "@/lib/verifications/request-verification.types";
import { verificationValidDays } from "@/lib/verifications/verification-period";
import { grantVerificationAction, refuseVerificationAction, revokeVerificationAction } from "./actions";

export const metadata: Metadata = { title: "Practitioner verifications", robots: { index: false } };

/** Pending verification requests with their private evidence (grant or refuse, with a reason), and the running ones (revoke). */
export default async function VerificationsPage() {
  const actor = await requirePageActor("verification:decide", "/moderation/verifications");
  const { pending, pendingCount, active, activeCount } = await findVerificationRequests({ actor });
  return (
    <>
      <h1>Practitioner verifications</h1>
      <p>
        A granted verification shows “Verified practitioner: <em>occupation</em>” beside the person’s contributions for {verificationValidDays()} days. The evidence below is private: it never leaves
        this page. Nobody decides on their own request.
      </p>
      <h2>Waiting ({pendingCount})</h2>
      {pending.length === 0 ? (
        <p>No requests are waiting.</p>
      ) : (
        <ol className="diff-list">
          {pending.map((v) => (
            <li key={v.id} data-testid="pending-verification">
              <Evidence verification={v} />
              <div className="subnav">
                <ActionForm action={grantVerificationAction} label={`Grant: ${v.personName}, ${v.occupationTitle}`}>
                  <input type="hidden" name="verificationId" value={v.id} />
                  <label>
                    Why <input name="reason" required maxLength={VERIFICATION_LIMITS.reason} defaultValue="The evidence checks out." size={30} />
                  </label>{" "}
                  <button type="submit">Grant</button>
                </ActionForm>
                <ActionForm action={refuseVerificationAction} label={`Refuse: ${v.personName}, ${v.occupationTitle}`}>
                  <input type="hidden" name="verificationId" value={v.id} />
                  <label>
                    Reason <input name="reason" required maxLength={VERIFICATION_LIMITS.reason} size={30} />
                  </label>{" "}
                  <button type="submit">Refuse</button>
                </ActionForm>
              </div>
            </li>
          ))}
        </ol>
      )}
      <h2>Verified now ({activeCount})</h2>
      {active.length === 0 ? (
        <p>Nobody is verified yet.</p>
      ) : (
        <ol className="diff-list">
          {active.map((v) => (
            <li key={v.id} data-testid="active-verification">
              <Evidence verification={v} />
              <p>
                Granted {v.decidedAt ? <DateTime value={v.decidedAt} precision="date" /> : ""}, until {v.expiresAt ? <DateTime value={v.expiresAt} precision="date" /> : ""}
                {v.decisionReason ? `: ${v.decisionReason}` : ""}
              </p>
              <ActionForm action={revokeVerificationAction} label={`Revoke: ${v.personName}, ${v.occupationTitle}`}>
                <input type="hidden" name="verificationId" value={v.id} />
                <label>
                  Reason <input name="reason" required maxLength={VERIFICATION_LIMITS.reason} size={30} />
                </label>{" "}
                <button type="submit">Revoke</button>
              </ActionForm>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Evidence({ verification: v }: { verification: VerificationForModerators }) {
  return (
    <>
      <h3>
        <Link href={`/moderation/people/${v.userId}`}>{v.personName}</Link>: {v.occupationTitle} <span className="code">{v.occupationCode}</span>
      </h3>
      <ul>
        <li>
          Asked <DateTime value={v.requestedAt} precision="date" />
        </li>
        {v.credentialIssuer && (
          <li>
            Licence or credential: {v.credentialIssuer}, number {v.credentialNumber}
          </li>
        )}
        {v.referenceUrl && (
          <li>
            Reference:{" "}
            <a href={v.referenceUrl} rel="nofollow ugc noopener noreferrer">
              {v.referenceUrl}
            </a>
          </li>
        )}
        {v.workEmail && (
          <li>
            Work email: {v.workEmail} ({v.workEmailConfirmed ? "confirmed by its link" : "not confirmed"})
          </li>
        )}
        {v.note && <li>Note: {v.note}</li>}
      </ul>
    </>
  );
}
