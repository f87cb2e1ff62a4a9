/**
 * Percentiles as the AI-exposure pages show them: the share (0–100) of a file's values
 * that are at or below a value. Ties count as at or below, so tied values share one
 * percentile and the highest value is always 100.
 */

/** The values sorted ascending, for `percentileOf`. */
export function sortAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Share (0–100) of `sorted` (ascending) that is ≤ `value`; `value` need not be one of them. */
export function percentileOf(sorted: readonly number[], value: number): number {
  if (sorted.length === 0) throw new Error("percentileOf needs at least one value");
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return (low / sorted.length) * 100;
}

/** The percentile of each value among all of them, in the input's order. */
export function percentileRanks(values: readonly number[]): number[] {
  const sorted = sortAscending(values);
  return values.map((value) => percentileOf(sorted, value));
}
