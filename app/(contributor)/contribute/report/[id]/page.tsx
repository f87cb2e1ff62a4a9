import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { z } from "zod";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { parsePageParams, ZSubmissionIdSchema } from "@/lib/http/request-params";
import { getReportTarget } from "@/lib/submissions/get-report-target";
import { reportCorrectionAction, reportNarrativeAction } from "../../actions";

export const metadata: Metadata = { title: "Report a narrative or a correction", robots: { index: false } };

/** `?what=correction` reports an approved correction (the role page's "Report" link); otherwise a narrative. */
const ZWhatSchema = z.object({ what: z.enum(["narrative", "correction"]).catch("narrative") });

export default async function ReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = parsePageParams(z.object({ id: ZSubmissionIdSchema }), await params);
  const { what } = ZWhatSchema.parse(await searchParams);
  const actor = await requirePageActor(what === "correction" ? "correction:report" : "narrative:report", `/contribute/report/${id}${what === "correction" ? "?what=correction" : ""}`);
  const target = await getReportTarget({ actor, submissionId: id, what });
  if (!target) notFound();
  return (
    <>
      <h1>Report a {what}</h1>
      <p data-testid="report-target">
        {target.correction ? (
          <>
            The correction of “{target.correction.fieldLabel}” by {target.authorName} on <Link href={target.href}>{target.occupation.title}</Link>:
          </>
        ) : (
          <>
            The <Link href={target.href}>narrative by {target.authorName}</Link> on {target.occupation.title}.
          </>
        )}
      </p>
      {target.correction && <div className="current-value">{target.correction.text || "(removed)"}</div>}
      <p>Tell the moderators what is wrong. Your report goes to their queue; the {what} stays on the page until they have looked at it, unless several established readers report it.</p>
      <ActionForm action={what === "correction" ? reportCorrectionAction : reportNarrativeAction}>
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
