import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { findMyContributions } from "@/lib/submissions/find-my-contributions";
import { EXPECTED_WAIT_SHARE, getExpectedWait } from "@/lib/submissions/get-expected-wait";
import { formatWait } from "@/lib/dates";
import { formatCount } from "@/lib/roles/format-figures";
import { withdrawSubmissionAction } from "../actions";
import { DateTime } from "@/components/ui/date-time";
import { CellLabel } from "@/components/ui/stack-table";

export const metadata: Metadata = { title: "My contributions", robots: { index: false } };

const STATUS_LABEL = { DRAFT: "Draft", PENDING: "Waiting for review", CHANGES_REQUESTED: "Changes requested", APPROVED: "Approved", DECLINED: "Declined", WITHDRAWN: "Withdrawn" } as const;

export default async function MyContributionsPage() {
  const actor = await requirePageActor("submission:withdraw-own", "/me/contributions");
  const [items, waits] = await Promise.all([findMyContributions({ actor }), getExpectedWait({ actor })]);
  const waiting = items.some((item) => item.status === "PENDING");
  return (
    <>
      <h1>My contributions</h1>
      {waiting && (
        <ul data-testid="expected-wait" className="hint">
          {waits.map((wait) => (
            <li key={wait.kind}>
              {wait.withinMs === null
                ? `Too few ${wait.kind === "NARRATIVE" ? "narratives" : "corrections"} were decided in the last 30 days to say how long the wait is.`
                : `Most ${wait.kind === "NARRATIVE" ? "narratives" : "corrections"} are decided within ${formatWait(wait.withinMs)} (${EXPECTED_WAIT_SHARE * 10} in 10 of the ${formatCount(wait.decisions)} decided in the last 30 days).`}
            </li>
          ))}
        </ul>
      )}
      {items.length === 0 ? (
        <p>You have not contributed yet. Open a role page and choose “Suggest a correction” or “Share your experience”.</p>
      ) : (
        <table className="table stack-table">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">What</th>
              <th scope="col">Status</th>
              <th scope="col">Updated</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid={`contribution-${item.id}`}>
                <td>
                  <CellLabel>Role</CellLabel>
                  <Link href={`/roles/${item.slug}`}>{item.occupationTitle}</Link>
                </td>
                <th scope="row">
                  {item.summary}
                  {item.operation && item.operation !== "CHANGE" ? ` (${item.operation.toLowerCase()})` : ""}
                  {item.proposedText && <div className="hint">{item.proposedText.slice(0, 160)}</div>}
                </th>
                <td>
                  <CellLabel>Status</CellLabel>
                  <span className="status">{STATUS_LABEL[item.status]}</span>
                  {item.queuePlace && (
                    <p className="hint" data-testid="queue-place">
                      {item.queuePlace.place === 1 ? "Next in the queue" : `${formatCount(item.queuePlace.place - 1)} ahead of it in the queue`} ({formatCount(item.queuePlace.of)} waiting, oldest first).
                    </p>
                  )}
                  {item.approvals && (
                    <p className="hint" data-testid="approvals">
                      Approvals: {item.approvals.given} of {item.approvals.required}. A change to a figure needs two moderators before it publishes.
                    </p>
                  )}
                  {item.decisionMessage && (
                    <p>
                      <strong>{item.status === "DECLINED" ? "Reason" : "Moderator's note"}:</strong> {item.decisionMessage}
                    </p>
                  )}
                </td>
                <td>
                  <CellLabel>Updated</CellLabel>
                  <DateTime value={item.updatedAt} precision="date" />
                </td>
                <td>
                  {item.status === "CHANGES_REQUESTED" && <Link href={`/me/contributions/${item.id}/edit`}>Edit and resubmit</Link>}
                  {item.status === "DRAFT" && <Link href={`/contribute/${item.slug}/narrative`}>Continue writing</Link>}
                  {(item.status === "PENDING" || item.status === "CHANGES_REQUESTED" || item.status === "DRAFT") && (
                    // Asks first (a disclosure, so it works without JavaScript): a withdrawal cannot be undone.
                    <details className="confirm">
                      <summary>Withdraw…</summary>
                      <ActionForm action={withdrawSubmissionAction} label="Withdraw">
                        <p>Withdraw this contribution? Moderators will no longer see it, and it cannot be sent again.</p>
                        <input type="hidden" name="submissionId" value={item.id} />
                        <button type="submit" className="danger">
                          Yes, withdraw
                        </button>
                      </ActionForm>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
