/** The first sentence of an O*NET description (a period followed by a space and a capital letter ends it). */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  const match = /^(.+?[.!?])\s+(?=[A-Z(])/.exec(trimmed);
  return match ? match[1]! : trimmed;
}
