import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import {
  isMalformedPath,
  isUrlText,
  parsePageParams,
  parsePageSearchParams,
  parseRequestQuery,
  parseRouteParams,
  singleSearchParam,
  wellFormedSearchParams,
  ZRoleSlugSchema,
} from "./request-params";

/** What the query string decodes to, as Next and URLSearchParams decode it (invalid UTF-8 becomes U+FFFD). */
const decoded = (query: string) => new URLSearchParams(query);

/** The digest Next's notFound() throws with. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
const isNotFound = (error: unknown) => (error as { digest?: string } | undefined)?.digest === "NEXT_HTTP_ERROR_FALLBACK;404";

const NOT_TEXT_QUERIES = ["q=a%00b", "q=%00", "q=%FF", "q=%C0%AF", "q=%ED%A0%80", "q=%E0%80", "q=a%0Ab", "q=%7F", "q=%C2%85", `q=${"x".repeat(10_000)}`, "%00=a", "%FF=1"];
const TEXT_QUERIES = ["q=widget", "q=caf%C3%A9", "q=%F0%9F%98%80", "q=a+b", "q=", "q=-1", "q=1e309", "q=99999999999", "q=a&q=b", "q[]=a", "q=%E2%80%AE"];

describe("URL text", () => {
  it("refuses NUL, control characters, invalid UTF-8 (decoded to U+FFFD), lone surrogates and overlong values", () => {
    for (const query of NOT_TEXT_QUERIES) expect(wellFormedSearchParams(decoded(query)), query).toBeNull();
    for (const value of ["\uD800", "a\uDC00", "\uDBFF\uDBFF"]) expect(isUrlText(value), JSON.stringify(value)).toBe(false);
  });

  it("keeps text in any script, emoji, empty values, repeated keys and odd numbers (for each route's schema to judge)", () => {
    for (const query of TEXT_QUERIES) expect(wellFormedSearchParams(decoded(query)), query).not.toBeNull();
    expect(wellFormedSearchParams(decoded("q=a&q=b&page=2"))).toEqual({ q: ["a", "b"], page: "2" });
    expect(wellFormedSearchParams({ q: ["a", "b"], page: "2", zone: undefined })).toEqual({ q: ["a", "b"], page: "2" });
    expect(isUrlText("\uD83D\uDE00")).toBe(true);
  });
});

describe("pages", () => {
  const schema = z.object({ page: z.coerce.number<string>().int().min(1).optional() });

  it("answer a query that is not text with the site's 404 page (notFound), whatever the schema", () => {
    for (const query of NOT_TEXT_QUERIES) expect(isNotFound(thrownBy(() => parsePageSearchParams(schema, decoded(query)))), query).toBe(true);
    expect(isNotFound(thrownBy(() => parsePageSearchParams(schema, { page: "1\u0000" })))).toBe(true);
  });

  it("get the schema's result for text, so they can show their own message", () => {
    expect(parsePageSearchParams(schema, { page: "2" })).toMatchObject({ success: true, data: { page: 2 } });
    for (const page of ["-1", "1e309", "NaN", "abc"]) expect(parsePageSearchParams(schema, { page }).success, page).toBe(false);
    expect(parsePageSearchParams(schema, { page: ["1", "2"] }).success).toBe(false);
  });

  it("answer dynamic segments that do not fit the schema or are not text with the 404 page", () => {
    const params = z.object({ slug: ZRoleSlugSchema });
    expect(parsePageParams(params, { slug: "test-widget-engineers" })).toEqual({ slug: "test-widget-engineers" });
    for (const slug of ["a\u0000b", "..", ".", "a/b", "\uFFFD", "A", "x".repeat(201), "", "a b"]) expect(isNotFound(thrownBy(() => parsePageParams(params, { slug }))), slug).toBe(true);
  });
});

describe("a parameter given more than once", () => {
  it("is refused in words where the schema wanted it once, and keeps a schema's own message", () => {
    const schema = z.object({ state: z.string().optional(), zone: singleSearchParam("Choose one job zone.").optional(), roles: z.array(z.string()).optional() });
    const result = parsePageSearchParams(schema, decoded("state=CA&state=NY&state=TX"));
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toEqual(["Give “state” once: it is given 3 times."]);
    const own = parsePageSearchParams(schema, decoded("zone=1&zone=2"));
    expect(own.success ? [] : own.error.issues.map((issue) => issue.message)).toEqual(["Choose one job zone."]);
    expect(parsePageSearchParams(schema, decoded("roles=a&roles=b")).data).toEqual({ roles: ["a", "b"] });
  });
});

describe("route handlers", () => {
  const schema = z.object({ q: z.string().min(1, "Type something.") });

  it("refuse a query that is not text with BAD_REQUEST (400) and one that does not fit with INVALID_INPUT (422)", () => {
    const malformed = thrownBy(() => parseRequestQuery(schema, decoded("q=a%00b")));
    expect(malformed).toBeInstanceOf(AppError);
    expect((malformed as AppError).code).toBe("BAD_REQUEST");
    const invalid = thrownBy(() => parseRequestQuery(schema, decoded("q=")));
    expect((invalid as AppError).code).toBe("INVALID_INPUT");
    expect((invalid as AppError).message).toBe("Type something.");
    const repeated = thrownBy(() => parseRequestQuery(schema, decoded("q=a&q=b"))) as AppError;
    expect([repeated.code, repeated.message]).toEqual(["INVALID_INPUT", "Give “q” once: it is given 2 times."]);
    expect(parseRequestQuery(schema, decoded("q=widget&other=1"))).toEqual({ q: "widget" });
  });

  it("refuse dynamic segments that are not text with BAD_REQUEST", () => {
    const params = z.object({ code: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/) });
    expect((thrownBy(() => parseRouteParams(params, { code: "\u0000" })) as AppError).code).toBe("BAD_REQUEST");
    expect((thrownBy(() => parseRouteParams(params, { code: "15-1252" })) as AppError).code).toBe("INVALID_INPUT");
    expect(parseRouteParams(params, { code: "15-1252.00" })).toEqual({ code: "15-1252.00" });
  });
});

describe("isMalformedPath (the proxy's early 400/404)", () => {
  it("finds paths that do not decode, decode to no text, or hide separators and dot segments", () => {
    for (const path of ["/roles/%FF", "/roles/%C0%AF", "/api/roles/%FF", "/roles/%FF.md", "/roles/x/history%FF", "/roles/%ED%A0%80", "/roles/%", "/roles/%zz", "/roles/a%00b", "/roles/%0A", "/roles/a%2Fb.md", "/roles/a%5Cb", "/roles/%2e%2e", "/roles/%2E", "/api/auth/%E0%80", "/roles/..md", "/roles/.md", "/roles/%E2%80%AE", "/roles/caf%C3%A9", "/roles/a%20b", "/roles//x", `/roles/${"x".repeat(3000)}`]) {
      expect(isMalformedPath(path), path).toBe(true);
    }
  });

  it("lets every well-formed address through, encoded letters included", () => {
    for (const path of ["/", "/roles/test-widget-engineers", "/roles/test-widget-engineers.md", "/roles/15-1252.00", "/api/auth/callback/nodemailer", "/roles/test-widget-engineers/", "/_next/static/chunks/0rv1mp5-kt-u0.js", "/roles/a%2Db", "/moderation/[id]", "/roles/%25", "/search"]) {
      expect(isMalformedPath(path), path).toBe(false);
    }
  });
});
