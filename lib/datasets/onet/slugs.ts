/**
 * URL slug of an occupation title: lower case ASCII words joined by dashes
 * ("Information Security Engineers" → "information-security-engineers").
 */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/**
 * Picks a slug for each code that is unique among `taken` and the other new ones. Two
 * occupations with one title get the code appended ("...-15-1299-05").
 */
export function assignSlugs(entries: readonly { code: string; title: string }[], taken: ReadonlySet<string>): Map<string, string> {
  const counts = new Map<string, number>();
  for (const { title } of entries) counts.set(slugify(title), (counts.get(slugify(title)) ?? 0) + 1);
  const used = new Set(taken);
  const result = new Map<string, string>();
  for (const { code, title } of entries) {
    const base = slugify(title) || code.replace(/\./g, "-");
    let slug = counts.get(base) === 1 && !used.has(base) ? base : `${base}-${code.replace(/\./g, "-")}`;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${code.replace(/\./g, "-")}-${n}`;
    used.add(slug);
    result.set(code, slug);
  }
  return result;
}
