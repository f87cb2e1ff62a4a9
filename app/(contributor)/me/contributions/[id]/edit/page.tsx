import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CorrectionForm } from "@/components/editor/correction-form";
import { NarrativeEditor } from "@/components/editor/narrative-editor";
import { z } from "zod";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { parsePageParams, ZSubmissionIdSchema } from "@/lib/http/request-params";
import { FIELD_LABELS } from "@/lib/community/fields";
import { getCorrectionContext } from "@/lib/community/get-correction-context";
import { getOwnSubmissionForEdit } from "@/lib/submissions/get-own-submission-for-edit";
import { saveNarrativeDraftAction } from "../../../../contribute/actions";
import { resubmitCorrectionAction, resubmitNarrativeAction } from "../../../actions";

export const metadata: Metadata = { title: "Edit and resubmit", robots: { index: false } };

export default async function EditContributionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = parsePageParams(z.object({ id: ZSubmissionIdSchema }), await params);
  const actor = await requirePageActor("submission:withdraw-own", `/me/contributions/${id}/edit`);
  const submission = await getOwnSubmissionForEdit({ actor, submissionId: id });
  if (!submission) notFound();
  if (submission.status !== "CHANGES_REQUESTED") {
    // Only what was sent back can be edited; anything else is said as it is (a resubmission's own
    // confirmation comes from its form).
    const { occupation } = submission;
    const what = submission.kind === "NARRATIVE" ? "narrative" : "correction";
    const onPage = submission.kind === "NARRATIVE" ? `/roles/${occupation.slug}#narrative-${submission.id}` : `/roles/${occupation.slug}`;
    return (
      <>
        <h1>Nothing to edit</h1>
        <p data-testid="edit-state">
          {submission.status === "PENDING" && <>Your {what} for {occupation.title} is waiting for a moderator: there is nothing to edit unless they send it back to you.</>}
          {submission.status === "DRAFT" && (
            <>
              Your {what} for {occupation.title} is a draft, not yet sent: <Link href={`/contribute/${occupation.slug}/narrative`}>continue writing it</Link>.
            </>
          )}
          {submission.status === "APPROVED" && (
            <>
              Your {what} for {occupation.title} was approved: <Link href={onPage}>see it on the page</Link>.
            </>
          )}
          {submission.status === "DECLINED" && <>Your {what} for {occupation.title} was declined, so it cannot be edited or sent again.</>}
          {submission.status === "WITHDRAWN" && <>You withdrew your {what} for {occupation.title}, so it cannot be edited or sent again.</>}
        </p>
        <p>
          <Link href="/me/contributions">My contributions</Link>
        </p>
      </>
    );
  }
  const { occupation } = submission;
  const header = (
    <>
      <h1>Edit and resubmit</h1>
      <p>
        {occupation.title}. <strong>Moderator&apos;s note:</strong> {submission.decisionMessage}
      </p>
    </>
  );
  if (submission.kind === "NARRATIVE") {
    return (
      <>
        {header}
        <NarrativeEditor
          occupationCode={occupation.code}
          submissionId={submission.id}
          draftId={submission.id}
          initialDoc={submission.doc ?? undefined}
          initialYears={submission.yearsInRole}
          initialAnswers={submission.promptAnswers}
          saveDraft={saveNarrativeDraftAction}
          submit={resubmitNarrativeAction}
        />
      </>
    );
  }
  const context = await getCorrectionContext(occupation.slug);
  const { field } = submission;
  const items = field === "TASK" ? (context?.tasks.map((t) => ({ itemKey: t.itemKey, text: t.statement })) ?? []) : (context?.lists.find((l) => l.field === field)?.items ?? []);
  const current = items.find((i) => i.itemKey === submission.itemKey)?.text ?? context?.fields.find((f) => f.field === field)?.currentText ?? "";
  return (
    <>
      {header}
      <CorrectionForm
        occupationCode={occupation.code}
        baseRevisionNumber={context?.baseRevisionNumber ?? 0}
        fields={context?.fields ?? []}
        lists={context?.lists ?? []}
        tasks={context?.tasks ?? []}
        action={resubmitCorrectionAction}
        resubmit={{
          submissionId: submission.id,
          field,
          operation: submission.operation,
          itemKey: submission.itemKey,
          proposedText: submission.proposedText,
          rationale: submission.rationale,
          sourceUrl: submission.sourceUrl,
          currentText: current,
          label: FIELD_LABELS[field],
        }}
      />
    </>
  );
}
