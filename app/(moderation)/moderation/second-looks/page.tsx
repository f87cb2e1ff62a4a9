import type { Metadata } from "next";
import Link from "next/link";
import type { z } from "zod";
import { ActionForm } from "@/components/ui/action-form";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { DateTime } from "@/components/ui/date-time";
import { filterFormSchema, filterHref } from "@/lib/http/filter-query";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { formatCount, formatShare } from "@/lib/roles/format-figures";
import { findSecondLooks, ZFindSecondLooksInputSchema } from "@/lib/second-looks/find-second-looks";
import { secondLookRate } from "@/lib/second-looks/sample-second-look";
import { recordSecondLookFindingAction, rollbackToRevisionAction } from "../actions";
import { CellLabel } from "@/components/ui/stack-table";

export const metadata: Metadata = { title: "Second looks", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The filter form's fields (`?status=&whose=&page=`); an empty field is no filter. */
const ZSecondLookFilterParamsSchema = filterFormSchema(ZFindSecondLooksInputSchema);

type Filters = z.infer<typeof ZFindSecondLooksInputSchema>;

const lookHref = (filters: Filters, page: number) => filterHref("/moderation/second-looks", { ...filters, page });

export default async function SecondLooksPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("moderation:second-look", "/moderation/second-looks");
  const parsed = parsePageSearchParams(ZSecondLookFilterParamsSchema, await searchParams);
  const filters = parsed.data ?? {};
  const looks = await findSecondLooks({ actor, input: filters });
  return (
    <>
      <h1>Second looks</h1>
      <p className="hint">
        {formatShare(secondLookRate() * 100)} of approvals, drawn at random when they are made, go to another moderator (never the approver or the author) for a second look. Record
        whether the approval was fine; a problem is undone with the page&apos;s rollback.
      </p>
      {!parsed.success && (
        <p role="alert" className="error">
          These filters cannot be used, so your open second looks are shown: {parsed.error.issues.map((issue) => issue.message).join(" ")}
        </p>
      )}
      {looks.submission && (
        <p data-testid="second-looks-of-change">
          The second looks of <Link href={`/moderation/${looks.submission}`}>one change</Link>. <Link href={lookHref({ ...filters, submission: undefined }, 1)}>Show all</Link>
        </p>
      )}
      <form method="get" className="subnav" aria-label="Filters">
        {looks.submission && <input type="hidden" name="submission" value={looks.submission} />}
        <label>
          Whose{" "}
          <select name="whose" defaultValue={looks.whose}>
            <option value="mine">Mine to look at</option>
            <option value="all">Everyone&apos;s</option>
          </select>
        </label>
        <label>
          Status{" "}
          <select name="status" defaultValue={looks.status ?? ""}>
            <option value="">All</option>
            <option value="open">Open</option>
            <option value="fine">Fine</option>
            <option value="problem">Problem</option>
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <p data-testid="second-looks-showing">
        {formatCount(looks.matching)} match; page {looks.page} of {looks.pageCount}.
        {looks.page > 1 && (
          <>
            {" "}
            <Link href={lookHref(filters, looks.page - 1)}>← Newer</Link>
          </>
        )}
        {looks.page < looks.pageCount && (
          <>
            {" "}
            <Link href={lookHref(filters, looks.page + 1)}>Older →</Link>
          </>
        )}
      </p>
      <div className="table-scroll">
        <table className="table stack-table">
          <thead>
            <tr>
              <th scope="col">Sampled</th>
              <th scope="col">Approval</th>
              <th scope="col">Approved by</th>
              <th scope="col">Asked of</th>
              <th scope="col">Finding</th>
            </tr>
          </thead>
          <tbody>
            {looks.items.map((look) => (
              <tr key={look.id} id={`second-look-${look.id}`} data-testid="second-look">
                <td>
                  <CellLabel>Sampled</CellLabel>
                  <DateTime value={look.sampledAt} />
                </td>
                <th scope="row">
                  <Link href={`/moderation/${look.submissionId}`}>{look.what}</Link> on {look.slug ? <Link href={`/roles/${look.slug}/history`}>{look.occupationTitle}</Link> : look.occupationTitle}
                  {look.revisionNumber !== null && <div className="hint">revision {look.revisionNumber}</div>}
                </th>
                <td>
                  <CellLabel>Approved by</CellLabel>
                  {look.approverName}
                </td>
                <td>
                  <CellLabel>Asked of</CellLabel>
                  {look.assigneeName ?? "any other moderator"}
                </td>
                <td>
                  <CellLabel>Finding</CellLabel>
                  {look.finding ? (
                    <>
                      <span className="status">{look.finding === "fine" ? "Fine" : "Problem"}</span> ({look.foundByName}, {look.foundAt && <DateTime value={look.foundAt} />})
                      {look.note && <p>{look.note}</p>}
                      {look.finding === "problem" && !look.isNarrative && (
                        <ActionForm action={rollbackToRevisionAction} label={`Undo the approval of ${look.what}`}>
                          <input type="hidden" name="revisionId" value={look.revisionId} />
                          <input type="hidden" name="restore" value="before" />
                          <button type="submit">Undo this change</button>
                        </ActionForm>
                      )}
                    </>
                  ) : look.canRecord ? (
                    <ActionForm action={recordSecondLookFindingAction} label={`Second look at ${look.what} on ${look.occupationTitle}`}>
                      <input type="hidden" name="secondLookId" value={look.id} />
                      <fieldset>
                        <legend>Finding</legend>
                        <label>
                          <input type="radio" name="finding" value="fine" /> Fine
                        </label>{" "}
                        <label>
                          <input type="radio" name="finding" value="problem" /> Problem
                        </label>
                      </fieldset>
                      <label>
                        Note (required for a problem) <textarea name="note" rows={2} cols={16} maxLength={2000} />
                      </label>
                      <button type="submit">Record</button>
                    </ActionForm>
                  ) : (
                    <span className="hint">Open</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
