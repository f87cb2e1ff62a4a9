import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The handler is CommonJS that Next loads at run time; it writes into Next's own tags manifest.
const require = createRequire(import.meta.url);
const { applyRevalidation } = require("./shared-cache-handler.cjs") as { applyRevalidation(tag: string, staleAt?: number, expiredAt?: number): void };
const { tagsManifest, areTagsExpired } = require("next/dist/server/lib/incremental-cache/tags-manifest.external") as {
  tagsManifest: Map<string, { stale?: number; expired?: number }>;
  areTagsExpired(tags: string[], timestamp: number): boolean;
};

describe("applyRevalidation", () => {
  it("makes Next's file-system cache treat entries cached before the revalidation as expired", () => {
    const revalidatedAt = Date.now() - 1_000;
    applyRevalidation("_N_T_/roles/x", undefined, revalidatedAt);
    expect(areTagsExpired(["_N_T_/roles/x"], revalidatedAt - 1)).toBe(true);
    expect(areTagsExpired(["_N_T_/roles/x"], revalidatedAt + 1)).toBe(false);
  });

  it("never moves a time backwards (an older revalidation read late changes nothing)", () => {
    applyRevalidation("_N_T_/roles/y", 5_000, 6_000);
    applyRevalidation("_N_T_/roles/y", 4_000, 3_000);
    expect(tagsManifest.get("_N_T_/roles/y")).toEqual({ stale: 5_000, expired: 6_000 });
  });
});

const { isCacheableEntry } = require("./shared-cache-handler.cjs") as { isCacheableEntry(value: unknown): boolean };

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
