/**
 * How search results and the header box's suggestions mark an occupation that left O*NET (its
 * `leftOnet`). No imports: the search box (a client component) uses it without zod.
 */
interface LeftOnet {
  /** The current release, which no longer lists the occupation. */
  version: string;
  successors: readonly { title: string }[];
}

/** "No longer in O*NET 30.1"; the successors are named by the caller (the search page links them). */
export function leftOnetLabel(left: Pick<LeftOnet, "version">): string {
  return `No longer in O*NET ${left.version}`;
}

/** "No longer in O*NET 30.1; succeeded by Test Cog Makers", as plain text (the suggestions). */
export function leftOnetNote(left: LeftOnet): string {
  const names = left.successors.map((successor) => successor.title);
  return names.length === 0 ? leftOnetLabel(left) : `${leftOnetLabel(left)}; succeeded by ${names.join(", ")}`;
}
