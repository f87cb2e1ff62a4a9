import Link from "next/link";
import type { ReactNode } from "react";
import type { RoleCorrection, ShownListEntry } from "@/lib/roles/role-page.types";

/**
 * A value shown where it lives on the page, as practitioners corrected it (a server
 * component: no client JavaScript): the corrected value, the mark, the official value one
 * click away and a link to the change in the page history.
 */
export function CorrectedValue({
  correction,
  officialSource,
  official,
  children,
}: {
  correction: RoleCorrection;
  /** e.g. "O*NET 30.0", named in the "Official value" summary. */
  officialSource: string;
  /** How to show the official value (default: its text, or its items separated by dots). */
  official?: ReactNode;
  children: ReactNode;
}) {
  const officialShown = official ?? (Array.isArray(correction.official) ? correction.official.join(" · ") : correction.official);
  return (
    <div className="community-correction" data-testid="corrected-value" data-field={correction.field}>
      {children}{" "}
      <span className="mark mark--community">Corrected by practitioners</span>
      {correction.releaseConflict && (
        <>
          {" "}
          <span className="mark mark--release-conflict" data-testid="release-conflict">
            {correction.releaseConflict.note}
          </span>
        </>
      )}
      <details className="official-value">
        <summary>Official value ({officialSource})</summary>
        <div className="official-value__text">{officialShown ? officialShown : <em>The official data has no value here.</em>}</div>
      </details>{" "}
      <Link href={correction.historyUrl} className="hint">
        History of this change
      </Link>
      <ReportLink correction={correction} />
    </div>
  );
}

/** A value as the view shows it: marked with its correction when practitioners corrected it. */
export function ShownValue({ correction, officialSource, official, children }: { correction: RoleCorrection | null; officialSource: string; official?: ReactNode; children: ReactNode }) {
  if (!correction) return <>{children}</>;
  return (
    <CorrectedValue correction={correction} officialSource={officialSource} official={official}>
      {children}
    </CorrectedValue>
  );
}

/** Whether a list item carries a mark: practitioners added or reworded it. */
export function isMarkedItem(entry: ShownListEntry): entry is ShownListEntry & { correction: RoleCorrection } {
  return entry.origin === "community" && entry.correction !== null;
}

/**
 * The mark of a list item practitioners added or reworded (nothing for an official item as
 * published): what they did, the official item it stands for, and the change in the history.
 */
export function ListItemMark({ entry }: { entry: ShownListEntry }) {
  if (!isMarkedItem(entry)) return null;
  const reworded = entry.official !== null && entry.official !== entry.text;
  return (
    <>
      {" "}
      <span className="mark mark--community" data-testid="community-item">
        {reworded ? "Reworded by practitioners" : "Added by practitioners"}
      </span>
      {reworded && <span className="hint"> (official: {entry.official})</span>}
      {entry.correction.releaseConflict && (
        <>
          {" "}
          <span className="mark mark--release-conflict" data-testid="release-conflict">
            {entry.correction.releaseConflict.note}
          </span>
        </>
      )}{" "}
      <Link href={entry.correction.historyUrl} className="hint">
        history
      </Link>
      <ReportLink correction={entry.correction} />
    </>
  );
}

/** "Report" for an approved correction a submission made (a plain link: the page stays the same for every reader). */
function ReportLink({ correction }: { correction: RoleCorrection }) {
  if (!correction.submissionId) return null;
  return (
    <>
      {" "}
      <Link href={`/contribute/report/${correction.submissionId}?what=correction`} className="hint" rel="nofollow">
        Report
      </Link>
    </>
  );
}

/** The official items practitioners removed from a list, each linked to its change. */
export function RemovedListItems({ removed }: { removed: readonly ShownListEntry[] }) {
  if (removed.length === 0) return null;
  return (
    <p className="hint" data-testid="removed-items">
      Removed by practitioners:{" "}
      {removed.map((entry, index) => (
        <span key={entry.key}>
          {index > 0 && ", "}
          <s>{entry.text}</s>
          {entry.correction && (
            <>
              {" "}
              (<Link href={entry.correction.historyUrl}>history</Link>)
            </>
          )}
        </span>
      ))}
    </p>
  );
}
