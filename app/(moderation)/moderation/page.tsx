import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { BacklogMeterView } from "@/components/moderation/backlog-meter";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { type z } from "zod";
import { filterFormSchema, filterHref } from "@/lib/http/filter-query";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { AGE_BUCKETS, escalateAfterMs, findQueue, ZFindQueueFiltersSchema } from "@/lib/submissions/find-queue";
import { getBacklogMeter } from "@/lib/submissions/get-backlog-meter";
import { formatAge, formatWait } from "@/lib/dates";
import { formatCount } from "@/lib/roles/format-figures";
import { SOC_MAJOR_GROUPS } from "@/lib/roles/soc-major-groups";
import { ReleaseConflictList } from "@/components/moderation/release-conflict-list";
import { findReleaseConflicts } from "@/lib/submissions/find-release-conflicts";
import { claimSubmissionAction, resolveReleaseConflictAction } from "./actions";
import { DateTime } from "@/components/ui/date-time";
import { CellLabel } from "@/components/ui/stack-table";

export const metadata: Metadata = { title: "Moderation queue", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The filter form's fields (`?kind=&occupation=&author=&minAgeHours=&sort=&page=`); an empty field is no filter. */
const ZQueueFilterParamsSchema = filterFormSchema(ZFindQueueFiltersSchema);

type QueueFilters = z.infer<typeof ZFindQueueFiltersSchema>;

const queueHref = (filters: QueueFilters, change: Partial<QueueFilters>) => filterHref("/moderation", { ...filters, ...change });

export default async function ModerationQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("moderation:view-queue", "/moderation");
  const parsed = parsePageSearchParams(ZQueueFilterParamsSchema, await searchParams);
  const filters = parsed.data ?? {};
  const now = new Date();
  const [queue, meter, conflicts] = await Promise.all([findQueue({ actor, filters, now }), getBacklogMeter({ actor, now }), findReleaseConflicts({ actor })]);
  const first = queue.matching === 0 ? 0 : (queue.page - 1) * queue.pageSize + 1;
  const last = Math.min(queue.matching, queue.page * queue.pageSize);
  return (
    <>
      <h1>Moderation queue</h1>
      <BacklogMeterView meter={meter} />
      <p data-testid="queue-counts">
        {queue.counts.pending} pending: {queue.counts.corrections} corrections, {queue.counts.narratives} narratives; {queue.counts.reportedOnPage} reported narratives still on the page. {queue.matching} match the filters.
      </p>
      <p data-testid="queue-by-what" className="hint">
        By kind: {queue.counts.byWhat.map((what) => `${what.label} ${formatCount(what.count)}`).join(" · ") || "none"}.
      </p>
      <p data-testid="queue-by-age" className="hint">
        By age:{" "}
        {AGE_BUCKETS.map((bucket, index) => (
          <span key={bucket.key}>
            {index > 0 && " · "}
            {bucket.minHours > 0 ? <Link href={queueHref(filters, { minAgeHours: bucket.minHours, page: undefined })}>{bucket.label}</Link> : bucket.label} {formatCount(queue.counts.byAge[bucket.key])}
          </span>
        ))}
        . {queue.counts.escalated} escalated (waiting more than {formatWait(escalateAfterMs())}): listed first, whatever the order.
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
        <label>
          Order{" "}
          <select name="sort" defaultValue={filters.sort ?? "oldest"}>
            <option value="oldest">Oldest first</option>
            <option value="family">By family (SOC minor group)</option>
            <option value="for-you">For you (your families first)</option>
            <option value="reviews">Most practitioner reviews first</option>
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <p data-testid="queue-for-you" className="hint">
        {queue.families.length === 0 ? "You review no families yet: " : `Your families: ${queue.families.join(", ")}. `}
        {filters.sort !== "for-you" && <Link href={queueHref(filters, { sort: "for-you", page: undefined })}>Show your families&apos; items first</Link>}
        {filters.sort !== "for-you" && " · "}
        <Link href="/moderation/families">Choose families</Link>
      </p>
      <QueuePager filters={filters} page={queue.page} pageCount={queue.pageCount}>
        <span data-testid="queue-showing">
          {queue.items.length === 0 && queue.matching > 0
            ? `Page ${queue.page} is past the end: ${formatCount(queue.matching)} match the filters, on ${queue.pageCount} pages.`
            : `Showing ${formatCount(first)}–${formatCount(last)} of ${formatCount(queue.matching)} matching the filters; page ${queue.page} of ${queue.pageCount}.`}
        </span>
      </QueuePager>
      <table className="table stack-table">
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
            <tr key={item.id} className={item.escalated ? "escalated" : undefined} data-testid="queue-item">
              <td>
                <CellLabel>Submitted</CellLabel>
                <DateTime value={item.submittedAt} />
                {item.escalated && <div className="status escalated">Escalated: waiting {formatAge(now.getTime() - item.submittedAt.getTime())}</div>}
              </td>
              <td>
                <CellLabel>Role</CellLabel>
                {item.occupationTitle}
                {item.family && (
                  <div className="hint">
                    Family {item.family} ({SOC_MAJOR_GROUPS[item.family.slice(0, 2)] ?? "other"}){item.forYou && <strong data-testid="for-you"> · your family</strong>}
                  </div>
                )}
              </td>
              <th scope="row">
                <Link href={`/moderation/${item.id}`}>{item.summary}</Link>
                {item.onPage ? <span className="status"> reported {item.openReports}×, still on the page</span> : item.reported && <span className="status"> reported</span>}
                {item.practitionerReviews > 0 && (
                  <div className="hint" data-testid="queue-practitioner-reviews">
                    {item.practitionerReviews} practitioner {item.practitionerReviews === 1 ? "review" : "reviews"}
                  </div>
                )}
                {item.approvals && (
                  <div className="status" data-testid="queue-approvals">
                    {item.approvals.given} of {item.approvals.required} approvals
                    {item.approvals.firstApproverName && ` (first: ${item.approvals.mine ? "you" : item.approvals.firstApproverName})`}
                  </div>
                )}
              </th>
              <td>
                <CellLabel>Author</CellLabel>
                {item.authorName}
              </td>
              <td>
                {item.onPage ? (
                  <span>Keep or take off on its page</span>
                ) : item.claimedByName ? (
                  <span>
                    {item.claimedByMe ? "Claimed by you" : `Claimed by ${item.claimedByName}`} until {item.claimExpiresAt && <DateTime value={item.claimExpiresAt} precision="time" />}
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
      {queue.pageCount > 1 && <QueuePager filters={filters} page={queue.page} pageCount={queue.pageCount} />}
      <ReleaseConflictList items={conflicts.items} open={conflicts.open} action={resolveReleaseConflictAction} />
    </>
  );
}

function QueuePager({ filters, page, pageCount, children }: { filters: QueueFilters; page: number; pageCount: number; children?: React.ReactNode }) {
  return (
    <nav className="pager" aria-label="Pages of the queue">
      {page > 1 ? <Link href={queueHref(filters, { page: page - 1 })}>← Previous page</Link> : <span className="hint">← Previous page</span>}
      {children}
      {page < pageCount ? <Link href={queueHref(filters, { page: page + 1 })}>Next page →</Link> : <span className="hint">Next page →</span>}
    </nav>
  );
}
