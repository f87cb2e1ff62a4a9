import type { ReactNode } from "react";
import { sourceLine } from "@/lib/roles/role-sentences";
import type { SectionSource } from "@/lib/roles/role-page.types";

/** One section of the role page: a heading, its content, and the dataset releases it draws on. */
export function RoleSection({ id, title, sources, children }: { id: string; title: string; sources?: readonly (SectionSource | null | undefined)[]; children: ReactNode }) {
  const named = uniqueSources(sources ?? []);
  return (
    <section aria-labelledby={id} className="role-section">
      <h2 id={id}>{title}</h2>
      {children}
      {named.length > 0 && (
        <p className="section-source">
          Source: {named.map((source) => sourceLine(source)).join("; ")}.
        </p>
      )}
    </section>
  );
}

/** A sentence saying a dataset has no value here: never an empty section. */
export function MissingData({ children }: { children: ReactNode }) {
  return <p className="missing-data">{children}</p>;
}

function uniqueSources(sources: readonly (SectionSource | null | undefined)[]): SectionSource[] {
  const seen = new Set<string>();
  return sources.filter((source): source is SectionSource => {
    if (!source) return false;
    const key = `${source.dataset}|${source.version}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
