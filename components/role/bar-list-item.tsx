import type { CSSProperties, ReactNode } from "react";

/**
 * One row of a bar list (skills, work styles, education levels): the name, then the value in
 * words. The bar between them is drawn by the stylesheet from `--bar` (role.css), not by
 * elements of its own: it is decoration (the value says the same), and two fewer elements a row
 * keep the long role pages lighter to lay out and hydrate. `share` is the bar's length, 0 to 1.
 */
export function BarListItem({ label, share, children }: { label: ReactNode; share: number; children: ReactNode }) {
  const percent = Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;
  return (
    <li style={{ "--bar": `${percent}%` } as CSSProperties}>
      <span className="bar-list__label">{label}</span>
      <span className="bar-list__value">{children}</span>
    </li>
  );
}
