import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The handler is CommonJS that Next loads at run time.
const require = createRequire(import.meta.url);
const { isCacheableEntry, entryTags } = require("./cache-handler.cjs") as { isCacheableEntry(value: unknown): boolean; entryTags(value: unknown, ctx?: { tags?: string[] }): string[] };

describe("isCacheableEntry", () => {
  it("stores pages and route answers only when they succeeded or redirect on purpose", () => {
    for (const kind of ["APP_PAGE", "APP_ROUTE", "PAGES"]) {
      for (const status of [undefined, 200, 301, 302, 303, 307, 308]) expect(isCacheableEntry({ kind, status }), `${kind} ${status}`).toBe(true);
      for (const status of [201, 204, 206, 304, 400, 404, 405, 410, 422, 429, 500, 503]) expect(isCacheableEntry({ kind, status }), `${kind} ${status}`).toBe(false);
    }
  });

  it("leaves data-cache entries alone", () => {
    expect(isCacheableEntry({ kind: "FETCH", data: { status: 200 } })).toBe(true);
    expect(isCacheableEntry(null)).toBe(true);
  });
});

describe("entryTags (what a revalidation since the render began is looked up by)", () => {
  it("reads a data entry's tags from set()'s context and a page's or route answer's from Next's header", () => {
    expect(entryTags({ kind: "FETCH", data: {} }, { tags: ["role:99-0001.00", "role-pages"] })).toEqual(["role:99-0001.00", "role-pages"]);
    expect(entryTags({ kind: "APP_PAGE", headers: { "x-next-cache-tags": "role:99-0001.00,role-pages,_N_T_/layout" } }, {})).toEqual(["role:99-0001.00", "role-pages", "_N_T_/layout"]);
    expect(entryTags({ kind: "APP_ROUTE", headers: { "x-next-cache-tags": ["role:99-0001.00", "role-pages"] } }, undefined)).toEqual(["role:99-0001.00", "role-pages"]);
    expect(entryTags({ kind: "APP_PAGE", headers: {} }, {})).toEqual([]);
    expect(entryTags(null, undefined)).toEqual([]);
  });
});
