import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionForms } from "@/components/moderation/decision-forms";
import { PractitionerBadges } from "@/components/community/practitioner-badges";
import { DiffView } from "@/components/moderation/diff-view";
import { findPractitionerReviews } from "@/lib/verifications/find-practitioner-reviews";
import { ActionForm } from "@/components/ui/action-form";
import { z } from "zod";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { parsePageParams, ZSubmissionIdSchema } from "@/lib/http/request-params";
import { fieldShape } from "@/lib/community/fields";
import { AppError } from "@/lib/errors";
import { getSubmissionForReviewOrThrow } from "@/lib/submissions/get-submission-for-review";
import { approveSubmissionAction, claimSubmissionAction, declineSubmissionAction, requestChangesAction, resolveNarrativeReportsAction } from "../actions";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Review", robots: { index: false } };

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = parsePageParams(z.object({ id: ZSubmissionIdSchema }), await params);
  const actor = await requirePageActor("moderation:view-queue", `/moderation/${id}`);
  const review = await getSubmissionForReviewOrThrow({ actor, submissionId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const c = review.correction;
  const practitionerReviews = await findPractitionerReviews({ actor, submissionId: review.id });
  return (
    <>
      <p>
        <Link href="/moderation">← Queue</Link>
      </p>
      <h1>
        {review.kind === "NARRATIVE" ? "Narrative" : `Correction: ${c?.fieldLabel}`} for {review.occupation.title}
      </h1>
      <p>
        By <strong>{review.authorName}</strong> (approved before: {review.authorStats.approved}, declined: {review.authorStats.declined}). Status: <span className="status">{review.status}</span>
        {review.submittedAt && (
          <>
            {" "}
            · submitted <DateTime value={review.submittedAt} />
          </>
        )}
      </p>
      {review.approvals && (
        <p data-testid="approvals">
          <strong>
            Approvals: {review.approvals.given} of {review.approvals.required}
          </strong>{" "}
          (a figure field: two different moderators must approve before it publishes)
          {review.approvals.firstApproverName && (
            <>
              . First approval by {review.approvals.mine ? "you" : review.approvals.firstApproverName}
              {review.approvals.firstApprovedAt && (
                <>
                  , <DateTime value={review.approvals.firstApprovedAt} />
                </>
              )}
              .
            </>
          )}
          {review.status === "PENDING" && review.approvals.mine && " Another moderator must give the second approval."}
        </p>
      )}
      {review.claimedByName && <p>{review.claimedByMe ? "You have claimed this." : `Claimed by ${review.claimedByName}.`}</p>}
      {!review.claimedByName && review.status === "PENDING" && !review.isOwn && (
        <ActionForm action={claimSubmissionAction}>
          <input type="hidden" name="submissionId" value={review.id} />
          <button type="submit">Claim</button>
        </ActionForm>
      )}
      {review.secondLooks.length > 0 && (
        <ul data-testid="review-second-looks">
          {review.secondLooks.map((look) => (
            <li key={look.id}>
              <Link href={`/moderation/second-looks?whose=all&submission=${review.id}#second-look-${look.id}`}>Second look</Link> (sampled <DateTime value={look.sampledAt} />
              {look.assigneeName ? `, asked of ${look.assigneeName}` : ", any other moderator"}):{" "}
              {look.finding === null ? "open" : look.finding === "fine" ? "found fine" : "found a problem"}
            </li>
          ))}
        </ul>
      )}
      {review.reports.length > 0 ? (
        <section aria-labelledby="reports-heading" data-testid="reports">
          <h2 id="reports-heading">Reports ({review.reports.filter((r) => r.status === "open").length} open)</h2>
          <ul>
            {review.reports.map((report) => (
              <li key={report.id}>
                <strong>{report.reporterName}</strong>, <DateTime value={report.createdAt} />
                {report.status === "open" ? "" : report.status === "kept" ? " (kept on the page)" : " (taken off the page)"}: {report.reason}
              </li>
            ))}
          </ul>
          {review.status === "APPROVED" && review.reports.some((r) => r.status === "open") && !review.isOwn && (
            <>
              <p>This {review.kind === "CORRECTION" ? "correction" : "narrative"} is still on the page.</p>
              <ActionForm action={resolveNarrativeReportsAction} label="Keep on the page">
                <input type="hidden" name="submissionId" value={review.id} />
                <input type="hidden" name="decision" value="keep" />
                <button type="submit">Keep it on the page</button>
              </ActionForm>
              <ActionForm action={resolveNarrativeReportsAction} label="Take off the page">
                <input type="hidden" name="submissionId" value={review.id} />
                <input type="hidden" name="decision" value="hide" />
                <button type="submit" className="danger">
                  Take it off the page for review
                </button>
              </ActionForm>
            </>
          )}
        </section>
      ) : (
        review.reportReason && (
          <p className="error">
            <strong>Reported:</strong> {review.reportReason}
          </p>
        )
      )}
      {c && (
        <section aria-labelledby="change-heading">
          <h2 id="change-heading">The change ({c.operation.toLowerCase()})</h2>
          {c.conflict ? (
            <>
              <p className="error" role="alert">
                Conflict: this field changed after the author wrote the correction. Compare the three versions.
              </p>
              <div className="compare" data-testid="conflict-view">
                <div>
                  <h4>Base (what the author saw)</h4>
                  <div className="current-value">{c.baseText}</div>
                </div>
                <div>
                  <h4>Current</h4>
                  <div className="current-value">{c.currentText}</div>
                </div>
                <div>
                  <h4>Proposed</h4>
                  <div className="current-value">{c.proposedText || "(remove)"}</div>
                </div>
              </div>
            </>
          ) : (
            <div className="compare">
              <div>
                <h4>Current {c.currentIsOfficial ? "(official)" : "(community)"}</h4>
                <div className="current-value">{c.currentText || "(none)"}</div>
              </div>
              <div>
                <h4>Proposed</h4>
                <div className="current-value">{c.proposedText || "(remove)"}</div>
              </div>
            </div>
          )}
          <h3>Difference</h3>
          <DiffView parts={c.diff} list={fieldShape(c.field) === "list"} />
          <h3>Rationale</h3>
          <p>{c.rationale}</p>
          {c.sourceUrl && (
            <p>
              Source:{" "}
              <a href={c.sourceUrl} rel="nofollow ugc noopener noreferrer">
                {c.sourceUrl}
              </a>
            </p>
          )}
        </section>
      )}
      {review.narrative && (
        <section aria-labelledby="narrative-heading">
          <h2 id="narrative-heading">Narrative ({review.narrative.yearsInRole ?? "?"} years in role)</h2>
          {/* Rendered from the editor's JSON and sanitised with an allowlist on the server when submitted. */}
          <div className="narrative" dangerouslySetInnerHTML={{ __html: review.narrative.html }} />
          {review.narrative.answers.map((a) => (
            <div key={a.prompt}>
              <h3>{a.prompt}</h3>
              <p>{a.answer}</p>
            </div>
          ))}
        </section>
      )}
      <section aria-labelledby="practitioner-reviews-heading" data-testid="practitioner-reviews">
        <h2 id="practitioner-reviews-heading">Practitioner reviews ({practitionerReviews.length})</h2>
        {practitionerReviews.length === 0 ? (
          <p className="hint">No verified practitioner of this family has reviewed it yet. The decision is yours either way.</p>
        ) : (
          <ul>
            {practitionerReviews.map((r) => (
              <li key={r.id}>
                <strong>{r.verdict === "AGREE" ? "Agrees" : "Disagrees"}</strong>: {r.reviewerName}, <DateTime value={r.updatedAt} />
                <PractitionerBadges badges={r.badges} />
                <p>{r.reason}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {review.status === "PENDING" && !review.isOwn && <DecisionForms submissionId={review.id} conflict={c?.conflict ?? false} actions={{ approve: approveSubmissionAction, decline: declineSubmissionAction, requestChanges: requestChangesAction }} />}
      {review.isOwn && <p className="hint">This is your own submission: another moderator will decide on it.</p>}
      {review.status !== "PENDING" && review.decidedByName && (
        <p>
          Decided by {review.decidedByName}
          {review.decisionMessage ? `: ${review.decisionMessage}` : "."}
        </p>
      )}
    </>
  );
}
