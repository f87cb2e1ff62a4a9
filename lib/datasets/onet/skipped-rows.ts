import type { SourcedRow } from "../sync-release-rows";

/** Rows deliberately not stored, counted by reason (ImportReport.recordTable's `skipped`). */
export type SkippedRows = Map<string, number>;

export function countSkipped(skipped: SkippedRows, reason: string, count = 1) {
  skipped.set(reason, (skipped.get(reason) ?? 0) + count);
}

/**
 * Keeps the first row of each key and counts the later ones as skipped under `reason`.
 * For true repeats in O*NET's own files (e.g. one alternate title listed twice for an
 * occupation), which would otherwise break the table's primary key.
 */
export function keepFirstOfEachKey<Row>(
  rows: readonly SourcedRow<Row>[],
  keyOf: (row: Row) => string,
  skipped: SkippedRows,
  reason: string,
): SourcedRow<Row>[] {
  const seen = new Set<string>();
  const kept: SourcedRow<Row>[] = [];
  for (const sourced of rows) {
    const key = keyOf(sourced.row);
    if (seen.has(key)) {
      countSkipped(skipped, reason);
      continue;
    }
    seen.add(key);
    kept.push(sourced);
  }
  return kept;
}

/** 1, 2, 3, ... per group, in the order rows come (O*NET's file order). */
export function positionCounter(): (group: string) => number {
  const positions = new Map<string, number>();
  return (group) => {
    const next = (positions.get(group) ?? 0) + 1;
    positions.set(group, next);
    return next;
  };
}
