import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { findRecentChanges } from "@/lib/revisions/find-recent-changes";
import { DateTime } from "@/components/ui/date-time";

export const metadata: Metadata = { title: "Recent changes", alternates: { types: { "application/atom+xml": "/changes.atom" } } };

export default async function RecentChangesPage() {
  await connection();
  const changes = await findRecentChanges(100);
  return (
    <>
      <h1>Recent changes</h1>
      <p className="muted">
        Every approved correction, published narrative and rollback, and each official release import, newest first. <a href="/changes.atom">Atom feed</a>
      </p>
      {changes.length === 0 ? (
        <p>No community changes yet.</p>
      ) : (
        <ul>
          {changes.map((change) => (
            <li key={change.id} id={change.kind === "RELEASE" ? change.id : undefined}>
              {change.kind === "RELEASE" ? <strong>{change.occupationTitle}</strong> : <Link href={`/roles/${change.slug}`}>{change.occupationTitle}</Link>} — {change.summary}{" "}
              <span className="muted">
                by {change.actorName}, <DateTime value={change.createdAt} />
                {change.kind !== "RELEASE" && (
                  <>
                    {" · "}
                    <Link href={change.href}>revision {change.number}</Link>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
