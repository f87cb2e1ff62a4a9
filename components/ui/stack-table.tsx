import type { ReactNode } from "react";

/**
 * A cell's column name, shown before its value only when the table's rows stack on a phone
 * (`.stack-table` in app/globals.css). Hidden from assistive technology, which reads the column
 * header instead: a stacked table repeats its roles on its elements (`role="table"`, `"row"`,
 * `"cell"`…), so it stays a table to screen readers once it is `display: block` (some browsers,
 * Safari among them, drop the semantics of a table that CSS no longer lays out as one).
 */
export function CellLabel({ children }: { children: ReactNode }) {
  return (
    <span className="stack-table__label" aria-hidden="true">
      {children}:{" "}
    </span>
  );
}
