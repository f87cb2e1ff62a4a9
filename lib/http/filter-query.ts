import { z } from "zod";

// The query of a filtered list page (the queue, the audit log): a GET form whose empty fields
// mean "no filter", whose `occupation` field is the schema's `occupationCode`, and a pager
// whose links keep the filters.

/** The schema of a filter form's query: empty fields dropped, `occupation` read as `occupationCode`, then `schema`. */
export function filterFormSchema<TSchema extends z.ZodType>(schema: TSchema) {
  return z.preprocess((params) => {
    const { occupation, ...rest } = params as Record<string, unknown>;
    return Object.fromEntries(Object.entries({ ...rest, occupationCode: occupation }).filter(([, value]) => value !== undefined && value !== ""));
  }, schema);
}

/** The address of `path` with these filters in the form's field names (page 1 and empty filters left out). */
export function filterHref(path: string, filters: Record<string, unknown>): string {
  const { occupationCode, ...rest } = filters;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...rest, occupation: occupationCode })) {
    if (value !== undefined && value !== "" && !(key === "page" && value === 1)) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
