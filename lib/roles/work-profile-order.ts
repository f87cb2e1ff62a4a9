import type { WorkProfileItem } from "./role-page.types";

/**
 * 0 at the bottom of the item's scale, 1 at the top: orders (and draws) items rated on
 * different scales, such as Work Context's CX (1–5) and CT (1–3), and Work Styles Impact (−3 to 3).
 */
export function placeOnScale(item: Pick<WorkProfileItem, "scale" | "value">): number {
  return (item.value - item.scale.minimum) / (item.scale.maximum - item.scale.minimum);
}
