import type { ReactNode } from "react";

/**
 * A cell's column name, shown before its value only when the table's rows stack on a phone
 * (`.stack-table` in app/globals.css). Hidden from assistive technology, which reads the column
 * header instead: the table stays a native table (ARIA roles on its rows and cells would be
 * invalid HTML), and Chromium keeps its table semantics once CSS lays it out as blocks
 * (checked in e2e/reader/phone-width.spec.ts).
 */
export function CellLabel({ children }: { children: ReactNode }) {
  return (
    <span className="stack-table__label" aria-hidden="true">
      {children}:{" "}
    </span>
  );
}
