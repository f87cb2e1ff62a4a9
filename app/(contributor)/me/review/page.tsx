import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { DateTime } from "@/components/ui/date-time";
import { findReviewableSubmissions } from "@/lib/verifications/find-reviewable-submissions";
import { REVIEW_REASON_MAX } from "@/lib/verifications/review-submission.types";
import { reviewSubmissionAction } from "./actions";

export const metadata: Metadata = { title: "Review as a practitioner", robots: { index: false } };

/** Pending items of the families the person is verified in: agree or disagree, with a reason, for the moderators. */
export default async function PractitionerReviewPage() {
  const actor = await requirePageActor("submission:practitioner-review", "/me/review");
  const { families, items } = await findReviewableSubmissions({ actor });
  return (
    <>
      <h1>Review as a practitioner</h1>
      {families.length === 0 ? (
        <p>
          Verified practitioners review pending changes to the occupations of their family. <Link href="/me/verifications">Ask to be verified</Link> first.
        </p>
      ) : (
        <>
          <p>
            Pending changes in your families ({families.join(", ")}), oldest first. Say whether you agree, and why: the moderators read your review beside the change and decide. You can change your
            review until they do.
          </p>
          {items.length === 0 && <p>Nothing is waiting in your families.</p>}
          <ol className="diff-list">
            {items.map((item) => (
              <li key={item.id} data-testid="reviewable-item">
                <h2>
                  {item.occupationTitle}: {item.summary}
                </h2>
                <p className="hint">
                  {item.submittedAt && (
                    <>
                      Sent <DateTime value={item.submittedAt} /> ·{" "}
                    </>
                  )}
                  {item.reviewCount} practitioner {item.reviewCount === 1 ? "review" : "reviews"}
                </p>
                {item.kind === "NARRATIVE" ? (
                  // Sanitised with the allowlist when it was submitted.
                  <div className="current-value" dangerouslySetInnerHTML={{ __html: item.narrativeHtml ?? "" }} />
                ) : (
                  <div className="compare">
                    <div>
                      <h3>Now</h3>
                      <div className="current-value">{item.currentText || "(none)"}</div>
                    </div>
                    <div>
                      <h3>Proposed</h3>
                      <div className="current-value">{item.proposedText || "(removed)"}</div>
                    </div>
                  </div>
                )}
                {item.rationale && <p>Why: {item.rationale}</p>}
                {item.sourceUrl && (
                  <p>
                    Source:{" "}
                    <a href={item.sourceUrl} rel="nofollow ugc noopener">
                      {item.sourceUrl}
                    </a>
                  </p>
                )}
                <ActionForm action={reviewSubmissionAction} label={`Review: ${item.occupationTitle}, ${item.summary}`}>
                  <input type="hidden" name="submissionId" value={item.id} />
                  <fieldset>
                    <legend>Your review{item.myReview ? " (sent: change it here)" : ""}</legend>
                    <label>
                      <input type="radio" name="verdict" value="AGREE" defaultChecked={item.myReview?.verdict === "AGREE"} required /> I agree
                    </label>{" "}
                    <label>
                      <input type="radio" name="verdict" value="DISAGREE" defaultChecked={item.myReview?.verdict === "DISAGREE"} /> I disagree
                    </label>
                  </fieldset>
                  <div className="field">
                    <label htmlFor={`reason-${item.id}`}>Why</label>
                    <textarea id={`reason-${item.id}`} name="reason" rows={3} maxLength={REVIEW_REASON_MAX} defaultValue={item.myReview?.reason ?? ""} required />
                  </div>
                  <button type="submit">{item.myReview ? "Update my review" : "Send my review"}</button>
                </ActionForm>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
