import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { FIGURE_PERIODS, findModeratorFigures, ZFindModeratorFiguresInputSchema } from "@/lib/audit/find-moderator-figures";
import { formatAge } from "@/lib/dates";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { formatCount, formatShare } from "@/lib/roles/format-figures";
import { CellLabel } from "@/components/ui/stack-table";

export const metadata: Metadata = { title: "Moderators", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const share = (part: number, whole: number) => (whole === 0 ? "—" : `${formatCount(part)} of ${formatCount(whole)} (${formatShare((part / whole) * 100)})`);

export default async function ModeratorFiguresPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("moderation:view-figures", "/moderation/moderators");
  const parsed = parsePageSearchParams(ZFindModeratorFiguresInputSchema, await searchParams);
  const figures = await findModeratorFigures({ actor, input: parsed.data ?? {} });
  return (
    <>
      <h1>Moderators</h1>
      <p className="hint">
        Decisions in the last {figures.days} days: approvals, declines and requests for changes; the median time from sending to the decision; and how many approvals a later
        rollback undid, or readers reported afterwards (narratives and corrections); first approvals of figure corrections (the second approval publishes); and, of their approvals
        sampled for a second look and looked at, how many another moderator found a problem with.
      </p>
      {!parsed.success && (
        <p role="alert" className="error">
          {parsed.error.issues.map((issue) => issue.message).join(" ")} The last {figures.days} days are shown.
        </p>
      )}
      <nav className="subnav" aria-label="Period">
        {FIGURE_PERIODS.map((days) => (days === figures.days ? <strong key={days}>{days} days</strong> : <Link key={days} href={`/moderation/moderators?days=${days}`}>{`${days} days`}</Link>))}
      </nav>
      <table className="table stack-table">
        <thead>
          <tr>
            <th scope="col">Moderator</th>
            <th scope="col">Decisions</th>
            <th scope="col">Approved / declined / changes asked</th>
            <th scope="col">Median time to decide</th>
            <th scope="col">Approvals later rolled back</th>
            <th scope="col">Approvals later reported</th>
            <th scope="col">First approvals (figures)</th>
            <th scope="col">Second looks that found a problem</th>
          </tr>
        </thead>
        <tbody>
          {figures.moderators.map((m) => (
            <tr key={m.userId} data-testid="moderator-figures">
              <th scope="row">
                <Link href={`/moderation/audit?actor=${encodeURIComponent(m.name)}`}>{m.name}</Link>
              </th>
              <td>
                <CellLabel>Decisions</CellLabel>
                {formatCount(m.decisions)}
              </td>
              <td>
                <CellLabel>Approved / declined / changes asked</CellLabel>
                {formatCount(m.approvals)} / {formatCount(m.declines)} / {formatCount(m.changesRequested)}
              </td>
              <td>
                <CellLabel>Median time to decide</CellLabel>
                {m.medianDecideMs === null ? "—" : formatAge(m.medianDecideMs)}
              </td>
              <td>
                <CellLabel>Approvals later rolled back</CellLabel>
                {share(m.rolledBack, m.approvedChanges)}
              </td>
              <td>
                <CellLabel>Approvals later reported</CellLabel>
                {share(m.reportedAfterApproval, m.approvedContributions)}
              </td>
              <td>
                <CellLabel>First approvals (figures)</CellLabel>
                {formatCount(m.firstApprovals)}
              </td>
              <td>
                <CellLabel>Second looks that found a problem</CellLabel>
                {share(m.secondLookProblems, m.secondLooked)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
