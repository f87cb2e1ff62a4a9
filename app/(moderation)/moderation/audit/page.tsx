import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { AUDIT_PAGE_SIZE, findAuditEntries, withDaysInOrder, ZAuditFiltersSchema, type TFindAuditEntriesInput } from "@/lib/audit/find-audit-entries";
import { AUDIT_ACTIONS } from "@/lib/audit/record-audit-entry";
import { filterFormSchema, filterHref } from "@/lib/http/filter-query";
import { parsePageSearchParams } from "@/lib/http/request-params";
import { formatCount } from "@/lib/roles/format-figures";
import { DateTime } from "@/components/ui/date-time";
import { CellLabel } from "@/components/ui/stack-table";

export const metadata: Metadata = { title: "Audit log", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The filter form's fields (`?actor=&action=&occupation=&from=&to=&page=`); an empty field is no filter. */
const ZAuditFilterParamsSchema = filterFormSchema(withDaysInOrder(ZAuditFiltersSchema.omit({ targetId: true })));

const auditHref = (filters: TFindAuditEntriesInput, page: number) => filterHref("/moderation/audit", { ...filters, page });

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("audit:view", "/moderation/audit");
  const parsed = parsePageSearchParams(ZAuditFilterParamsSchema, await searchParams);
  const filters = parsed.data ?? {};
  const log = await findAuditEntries({ actor, input: filters });
  const first = (log.page - 1) * AUDIT_PAGE_SIZE + 1;
  return (
    <>
      <h1>Audit log</h1>
      {!parsed.success && (
        <p role="alert" className="error">
          These filters cannot be used, so the whole log is shown: {parsed.error.issues.map((issue) => issue.message).join(" ")}
        </p>
      )}
      <form method="get" className="subnav" aria-label="Filters">
        <label>
          Who <input name="actor" defaultValue={filters.actor} size={16} placeholder="name, email, Moderator 12" />
        </label>
        <label>
          Action{" "}
          <select name="action" defaultValue={filters.action ?? ""}>
            <option value="">All</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label>
          Occupation code <input name="occupation" defaultValue={filters.occupationCode} size={10} placeholder="15-1299.05" />
        </label>
        <label>
          From <input type="date" name="from" defaultValue={filters.from} />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={filters.to} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <nav className="pager" aria-label="Pages of the log">
        {log.page > 1 ? <Link href={auditHref(filters, log.page - 1)}>← Newer</Link> : <span className="hint">← Newer</span>}
        <span data-testid="audit-showing">
          {log.entries.length === 0
            ? `No entries on this page: ${formatCount(log.matching)} match the filters, on ${log.pageCount} pages.`
            : `Showing ${formatCount(first)}–${formatCount(first + log.entries.length - 1)} of ${formatCount(log.matching)} entries, newest first; page ${log.page} of ${log.pageCount}.`}
        </span>
        {log.page < log.pageCount ? <Link href={auditHref(filters, log.page + 1)}>Older →</Link> : <span className="hint">Older →</span>}
      </nav>
      <table className="table stack-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Before → after</th>
          </tr>
        </thead>
        <tbody>
          {log.entries.map((entry) => (
            <tr key={entry.id} data-testid="audit-entry">
              <td>
                <CellLabel>When</CellLabel>
                <DateTime value={entry.createdAt} precision="second" />
              </td>
              <td>
                <CellLabel>Who</CellLabel>
                {entry.actorName}
              </td>
              <th scope="row">{entry.action}</th>
              <td className="code">
                <CellLabel>Target</CellLabel>
                {entry.targetType} {entry.targetId}
                {entry.occupationCode && <div className="hint">{entry.occupationCode}</div>}
              </td>
              <td className="code">
                <CellLabel>Before → after</CellLabel>
                {entry.before ? JSON.stringify(entry.before).slice(0, 200) : "—"} → {entry.after ? JSON.stringify(entry.after).slice(0, 200) : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
