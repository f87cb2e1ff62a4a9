import type { ReactNode } from "react";
import { sourceLine } from "@/lib/roles/role-sentences";
import type { RoleSectionInfo } from "@/lib/roles/role-page.types";

/**
 * One section of the role page as the view lists it: a heading (a focusable target of the
 * "On this page" links), its content, and the dataset releases it draws on.
 */
export function RoleSection({ section, className, children }: { section: RoleSectionInfo; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={section.id} className={className ? `role-section ${className}` : "role-section"}>
      <h2 id={section.id} tabIndex={-1}>
        {section.title}
      </h2>
      {children}
      {section.sources.length > 0 && <p className="section-source">Source: {section.sources.map((source) => sourceLine(source)).join("; ")}.</p>}
    </section>
  );
}

/** A sentence saying a dataset has no value here: never an empty section. */
export function MissingData({ children }: { children: ReactNode }) {
  return <p className="missing-data">{children}</p>;
}
