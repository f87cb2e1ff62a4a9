import Link from "next/link";
import type { ReactNode } from "react";
import type { RoleCorrection } from "@/lib/roles/role-page.types";

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
