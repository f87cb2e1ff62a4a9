// Holland's six interest areas as O*NET publishes them (Content Model 1.B.1.a–f), in
// O*NET's order: one list for the profiler, browse by interest and the role page.

export const RIASEC_AREAS = [
  { letter: "R", elementId: "1.B.1.a", name: "Realistic" },
  { letter: "I", elementId: "1.B.1.b", name: "Investigative" },
  { letter: "A", elementId: "1.B.1.c", name: "Artistic" },
  { letter: "S", elementId: "1.B.1.d", name: "Social" },
  { letter: "E", elementId: "1.B.1.e", name: "Enterprising" },
  { letter: "C", elementId: "1.B.1.f", name: "Conventional" },
] as const;

export type RiasecLetter = (typeof RIASEC_AREAS)[number]["letter"];

/** Six scores in RIASEC order. */
export type RiasecScores = readonly [number, number, number, number, number, number];

export function riasecArea(letter: string) {
  return RIASEC_AREAS.find((area) => area.letter === letter) ?? null;
}

/** The letter of a RIASEC element ID (1.B.1.b → I), or null for another element. */
export function riasecLetter(elementId: string): RiasecLetter | null {
  return RIASEC_AREAS.find((area) => area.elementId === elementId)?.letter ?? null;
}

/**
 * The first and second interest: the two areas with the highest scores, ties in RIASEC
 * order ("IR"). O*NET's own high points leave a weak second one out; this code keeps two
 * so that browse by interest can always use a pair.
 */
export function interestCode(scores: RiasecScores): string {
  return RIASEC_AREAS.map((area, index) => ({ letter: area.letter, score: scores[index]!, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, 2)
    .map((area) => area.letter)
    .join("");
}

/** Six scores in RIASEC order from (element ID, score) pairs, or null unless all six are there. */
export function riasecScores(items: readonly { elementId: string; score: number | null }[]): RiasecScores | null {
  const [r, i, a, s, e, c] = RIASEC_AREAS.map((area) => items.find((item) => item.elementId === area.elementId)?.score ?? null);
  if (r == null || i == null || a == null || s == null || e == null || c == null) return null;
  return [r, i, a, s, e, c];
}

/** "IR" → "First interest Investigative, second Realistic"; "I" → "First interest Investigative". */
export function describeInterestCode(code: string): string {
  const [first, second] = [...code].map((letter) => riasecArea(letter)?.name ?? letter);
  return second ? `First interest ${first}, second ${second}` : `First interest ${first}`;
}
