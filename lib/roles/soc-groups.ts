/**
 * How a BLS figure reaches an occupation: the occupation's own SOC 2018 code first, else
 * the smallest published SOC group that contains it (broad, then minor, then major).
 * Pure: callers pass the rows they loaded for `socFigureCandidates(...)`.
 */

export type SocGroupLevel = "broad" | "minor" | "major";

export interface SocCandidate {
  code: string;
  /** null for the occupation's own code. */
  level: SocGroupLevel | null;
}

const SOC = /^(\d{2})-(\d)(\d)(\d)(\d)$/;

/**
 * The codes to look up for a SOC 2018 detailed code, most specific first: itself, its broad
 * group (15-1290), its minor group (15-1200; SOC 2018 also has minor groups like 31-1100,
 * so both XX-YY00 and XX-Y000 are tried), and its major group (15-0000).
 */
export function socFigureCandidates(socCode: string): SocCandidate[] {
  const match = SOC.exec(socCode);
  if (!match) return [];
  const [, major, a, b, c] = match;
  const candidates: SocCandidate[] = [
    { code: socCode, level: null },
    { code: `${major}-${a}${b}${c}0`, level: "broad" },
    { code: `${major}-${a}${b}00`, level: "minor" },
    { code: `${major}-${a}000`, level: "minor" },
    { code: `${major}-0000`, level: "major" },
  ];
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    if (seen.has(candidate.code)) return false;
    seen.add(candidate.code);
    return true;
  });
}

export interface PublishedFigure<Row> {
  row: Row;
  /** The SOC code of the row used. */
  socCode: string;
  /** null: the occupation's own code; else the group level of the row used. */
  groupLevel: SocGroupLevel | null;
}

/**
 * The first candidate that has a published row: own code, else the smallest group.
 * `rows` maps SOC code → row; `isGroupRow` says whether a row may stand for a group (OEWS:
 * O_GROUP broad/minor/major; projections: a Summary row or a broad line item).
 */
export function pickPublishedFigure<Row>(
  socCode: string | null,
  rows: ReadonlyMap<string, Row>,
  isGroupRow: (row: Row) => boolean = () => true,
): PublishedFigure<Row> | null {
  if (!socCode) return null;
  for (const candidate of socFigureCandidates(socCode)) {
    const row = rows.get(candidate.code);
    if (!row) continue;
    if (candidate.level === null) return { row, socCode: candidate.code, groupLevel: null };
    if (isGroupRow(row)) return { row, socCode: candidate.code, groupLevel: candidate.level };
  }
  return null;
}

/**
 * Whether an OEWS row found under a group code may stand for that group: any but the all-occupations
 * total. OEWS labels some group aggregates `detailed` (29-2010 in California's file, 47-4090), and
 * decisions.md says to use them: every occupation with any BLS figure shows it.
 */
export function isOewsGroupRow(row: { groupLevel: string }): boolean {
  return row.groupLevel !== "total";
}

/**
 * The SOC minor group an O*NET-SOC code belongs to, the "family" moderators sort and route by:
 * 15-1299.05 → 15-1200, 31-1131.00 → 31-1100. Null for anything that is not such a code.
 */
export function socMinorGroupOf(onetSocCode: string): string | null {
  const match = /^(\d{2})-(\d)(\d)\d\d(?:\.\d\d)?$/.exec(onetSocCode);
  return match ? `${match[1]}-${match[2]}${match[3]}00` : null;
}
