import { notFound } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation/parse-or-throw";
import { readableIssue } from "@/lib/validation/readable-issue";

/**
 * The boundary for what a URL carries: dynamic segments (`params`) and query parameters
 * (`searchParams`). Every value is first checked to be text at all (below), then parsed
 * with the route's own zod schema. A value that is not text is the client's mistake and
 * never reaches a query: pages answer with the site's 404 page, route handlers with 400.
 *
 * Not text: a NUL or another control character (PostgreSQL cannot store NUL, and no slug,
 * code, id or search needs one), invalid UTF-8 (which decoding turns into U+FFFD, the
 * replacement character), a lone UTF-16 surrogate, or more than URL_TEXT_MAX characters.
 */
export const URL_TEXT_MAX = 2048;

const NOT_URL_TEXT = /[\u0000-\u001F\u007F-\u009F\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `value` is text a URL may carry (see above). */
export function isUrlText(value: string): boolean {
  return value.length <= URL_TEXT_MAX && !NOT_URL_TEXT.test(value);
}

export const ZUrlTextSchema = z.string().refine(isUrlText, "This address holds characters no page uses.");

/** Next's `searchParams` (a repeated key gives an array) or a URL's URLSearchParams. */
export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** Every key and value must be URL text; a repeated key stays an array, for the route's schema to refuse or take. */
const ZWellFormedSearchParamsSchema = z.record(ZUrlTextSchema, z.union([ZUrlTextSchema, z.array(ZUrlTextSchema)]));

function toRecord(searchParams: RawSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  const add = (key: string, value: string) => {
    const existing = record[key];
    record[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  };
  if (searchParams instanceof URLSearchParams) searchParams.forEach((value, key) => add(key, value));
  else for (const [key, value] of Object.entries(searchParams)) for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) add(key, one);
  return record;
}

/** The query parameters as a record, or null when any key or value is not URL text. */
export function wellFormedSearchParams(searchParams: RawSearchParams): Record<string, string | string[]> | null {
  const parsed = ZWellFormedSearchParamsSchema.safeParse(toRecord(searchParams));
  return parsed.success ? parsed.data : null;
}

/**
 * A page's query parameters: the site's 404 page when any is not URL text, else the
 * schema's result, so the page can show its own message for a value it cannot use
 * ("The job zone is a number from 1 to 5.").
 */
export function parsePageSearchParams<TSchema extends z.ZodType>(schema: TSchema, searchParams: RawSearchParams): z.ZodSafeParseResult<z.output<TSchema>> {
  const record = wellFormedSearchParams(searchParams);
  if (!record) notFound();
  // In words where the schema gave none ("Give “state” once: it is given 2 times.").
  return schema.safeParse(record, { error: readableIssue });
}

/** A page's dynamic segments (`params`), parsed with its schema; the site's 404 page when they do not fit. */
export function parsePageParams<TSchema extends z.ZodType>(schema: TSchema, params: Record<string, string | string[]>): z.output<TSchema> {
  const parsed = schema.safeParse(params);
  if (!parsed.success || !Object.values(params).flat().every(isUrlText)) notFound();
  return parsed.data;
}

/**
 * A route handler's query parameters: AppError BAD_REQUEST (400) when any is not URL text,
 * INVALID_INPUT (422) with the schema's message when they do not fit it.
 */
export function parseRequestQuery<TSchema extends z.ZodType>(schema: TSchema, searchParams: URLSearchParams): z.output<TSchema> {
  const record = wellFormedSearchParams(searchParams);
  if (!record) throw new AppError("BAD_REQUEST");
  return parseOrThrow(schema, record) as z.output<TSchema>;
}

/** A route handler's dynamic segments: AppError BAD_REQUEST when not URL text, else the schema's INVALID_INPUT or the data. */
export function parseRouteParams<TSchema extends z.ZodType>(schema: TSchema, params: Record<string, string | string[]>): z.output<TSchema> {
  if (!Object.values(params).flat().every(isUrlText)) throw new AppError("BAD_REQUEST");
  return parseOrThrow(schema, params) as z.output<TSchema>;
}

/** One query parameter given once: a repeated one (`?zone=1&zone=2`) is refused with `message`, not guessed. */
export const singleSearchParam = (message: string) => z.string({ error: message });

/** An occupation's slug as the importer makes them (lib/datasets/onet/slugs.ts). */
export const ZRoleSlugSchema = z.string().regex(/^[a-z0-9-]{1,200}$/);

/** A submission's id (a cuid; tests use UUIDs). */
export const ZSubmissionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

/** Every segment of every address this site serves (slugs, codes, ids, file names) is printable ASCII. */
const PATH_SEGMENT = /^[\x21-\x7E]+$/;

/**
 * True when a request's path (as sent, still percent-encoded) names nothing a page or route
 * could serve: an encoding that does not decode (`%FF`, `%C0%AF`, `%`, a lone surrogate), a
 * decoded segment that is empty or has anything but printable ASCII (NUL, a space, a control
 * or bidi character), an encoded `/` or `\`, a segment that starts with a dot (`..md`,
 * `%2e%2e`), or a path longer than URL_TEXT_MAX.
 */
export function isMalformedPath(rawPathname: string): boolean {
  if (rawPathname.length > URL_TEXT_MAX) return true;
  return rawPathname
    .split("/")
    .slice(1)
    .some((segment, index, segments) => {
      // "/" and a trailing slash leave an empty last segment.
      if (segment === "" && index === segments.length - 1) return false;
      try {
        const decoded = decodeURIComponent(segment);
        return !PATH_SEGMENT.test(decoded) || decoded.includes("/") || decoded.includes("\\") || decoded.startsWith(".");
      } catch {
        return true;
      }
    });
}

/** True when a query string's keys and values are all URL text (see wellFormedSearchParams). */
export function isMalformedQuery(searchParams: URLSearchParams): boolean {
  return wellFormedSearchParams(searchParams) === null;
}
