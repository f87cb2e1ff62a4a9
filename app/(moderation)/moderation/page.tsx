import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { z } from "zod";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { findQueue, ZFindQueueFiltersSchema } from "@/lib/submissions/find-queue";
import { formatDateTime, formatTime } from "@/lib/dates";
import { ReleaseConflictList } from "@/components/moderation/release-conflict-list";
import { findReleaseConflicts } from "@/lib/submissions/find-release-conflicts";
import { claimSubmissionAction, resolveReleaseConflictAction } from "./actions";

export const metadata: Metadata = { title: "Moderation queue", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The filter form's fields (`?kind=&occupation=&author=&minAgeHours=`); an empty field is no filter. */
const ZQueueFilterParamsSchema = z.preprocess((params) => {
  const { occupation, ...rest } = params as Record<string, unknown>;
  return Object.fromEntries(Object.entries({ ...rest, occupationCode: occupation }).filter(([, value]) => value !== undefined && value !== ""));
}, ZFindQueueFiltersSchema);

export default async function ModerationQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("moderation:view-queue", "/moderation");
  const parsed = parsePageSearchParams(ZQueueFilterParamsSchema, await searchParams);
  const filters = parsed.data ?? {};
  const [queue, conflicts] = await Promise.all([findQueue({ actor, filters }), findReleaseConflicts({ actor })]);
  return (
    <>
      <h1>Moderation queue</h1>
      <p data-testid="queue-counts">
        {queue.counts.pending} pending: {queue.counts.corrections} corrections, {queue.counts.narratives} narratives; {queue.counts.reportedOnPage} reported narratives still on the page. {queue.matching} match the filters. Oldest first.
      </p>
      {!parsed.success && (
        <p role="alert" className="error">
          These filters cannot be used, so the whole queue is shown: {parsed.error.issues.map((issue) => issue.message).join(" ")}
        </p>
      )}
      <form method="get" className="subnav" aria-label="Filters">
        <label>
          Kind{" "}
          <select name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">All</option>
            <option value="CORRECTION">Corrections</option>
            <option value="NARRATIVE">Narratives</option>
          </select>
        </label>
        <label>
          Occupation code <input name="occupation" defaultValue={filters.occupationCode} size={10} />
        </label>
        <label>
          Author <input name="author" defaultValue={filters.author} size={16} placeholder="name or email" />
        </label>
        <label>
          Waiting at least{" "}
          <select name="minAgeHours" defaultValue={filters.minAgeHours ?? ""}>
            <option value="">any time</option>
            <option value="24">1 day</option>
            <option value="72">3 days</option>
            <option value="168">1 week</option>
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Submitted</th>
            <th scope="col">Role</th>
            <th scope="col">What</th>
            <th scope="col">Author</th>
            <th scope="col">Claim</th>
          </tr>
        </thead>
        <tbody>
          {queue.items.map((item) => (
            <tr key={item.id}>
              <td>{formatDateTime(item.submittedAt)}</td>
              <td>{item.occupationTitle}</td>
              <td>
                <Link href={`/moderation/${item.id}`}>{item.summary}</Link>
                {item.onPage ? <span className="status"> reported {item.openReports}×, still on the page</span> : item.reported && <span className="status"> reported</span>}
              </td>
              <td>{item.authorName}</td>
              <td>
                {item.onPage ? (
                  <span>Keep or take off on its page</span>
                ) : item.claimedByName ? (
                  <span>
                    {item.claimedByMe ? "Claimed by you" : `Claimed by ${item.claimedByName}`} until {item.claimExpiresAt && formatTime(item.claimExpiresAt)}
                  </span>
                ) : (
                  <ActionForm action={claimSubmissionAction}>
                    <input type="hidden" name="submissionId" value={item.id} />
                    <button type="submit">Claim</button>
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ReleaseConflictList items={conflicts.items} open={conflicts.open} action={resolveReleaseConflictAction} />
    </>
  );
}
