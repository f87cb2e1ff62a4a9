import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { z } from "zod";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { parsePageParams, ZSubmissionIdSchema } from "@/lib/http/request-params";
import { reportNarrativeAction } from "../../actions";

export const metadata: Metadata = { title: "Report a narrative", robots: { index: false } };

export default async function ReportNarrativePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = parsePageParams(z.object({ id: ZSubmissionIdSchema }), await params);
  await requirePageActor("narrative:report", `/contribute/report/${id}`);
  return (
    <>
      <h1>Report a narrative</h1>
      <p>Tell the moderators what is wrong. Your report goes to their queue; the narrative stays on the page until they have looked at it, unless several established readers report it.</p>
      <ActionForm action={reportNarrativeAction}>
        <input type="hidden" name="submissionId" value={id} />
        <div className="form-row">
          <label htmlFor="reason">What is wrong?</label>
          <textarea id="reason" name="reason" required minLength={10} maxLength={1000} />
        </div>
        <button type="submit" className="danger">
          Report
        </button>
      </ActionForm>
    </>
  );
}
