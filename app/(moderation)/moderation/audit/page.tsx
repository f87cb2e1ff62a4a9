import type { Metadata } from "next";
import { requirePageActor } from "@/lib/actions/require-page-actor";
import { findAuditEntries } from "@/lib/audit/find-audit-entries";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Audit log", robots: { index: false } };

export default async function AuditLogPage() {
  const actor = await requirePageActor("audit:view", "/moderation/audit");
  const entries = await findAuditEntries({ actor });
  return (
    <>
      <h1>Audit log</h1>
      <table className="table">
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
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDateTime(entry.createdAt, { seconds: true })}</td>
              <td>{entry.actorName}</td>
              <td>{entry.action}</td>
              <td className="code">
                {entry.targetType} {entry.targetId}
              </td>
              <td className="code">
                {entry.before ? JSON.stringify(entry.before).slice(0, 200) : "—"} → {entry.after ? JSON.stringify(entry.after).slice(0, 200) : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
