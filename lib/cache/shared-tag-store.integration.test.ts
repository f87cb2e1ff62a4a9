import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pool } from "pg";
import { useTestDatabase } from "@/tests/support/integration/use-test-database";
import { roleCacheTag, roleCacheTags } from "./cache-tags";
import { revalidateAllPages } from "./revalidate-all-pages";
import { createTagStorePool, readRevalidatedTags, recordRevalidatedTags } from "./shared-tag-store.cjs";

const database = useTestDatabase();
let pool: Pool;

beforeAll(() => {
  pool = createTagStorePool(database.url);
});
afterAll(async () => {
  await pool.end();
});

describe("shared cache revalidations", () => {
  it("records tags and reads back the ones changed since a time, never moving a time backwards", async () => {
    const { readAt: before } = await readRevalidatedTags(pool, null);
    await recordRevalidatedTags(pool, [
      { tag: "_N_T_/roles/a", expiredAt: 2_000 },
      { tag: "_N_T_/roles/b", staleAt: 1_500, expiredAt: 9_000 },
    ]);
    await recordRevalidatedTags(pool, [{ tag: "_N_T_/roles/a", expiredAt: 1_000 }]);

    const { tags } = await readRevalidatedTags(pool, before);
    expect(tags.sort((x, y) => x.tag.localeCompare(y.tag))).toEqual([
      { tag: "_N_T_/roles/a", staleAt: undefined, expiredAt: 2_000 },
      { tag: "_N_T_/roles/b", staleAt: 1_500, expiredAt: 9_000 },
    ]);
    const { readAt: after } = await readRevalidatedTags(pool, null);
    expect((await readRevalidatedTags(pool, new Date(after.getTime() + 1))).tags).toEqual([]);
  });

  it("an import revalidates every page (root layout tag), every role's representations and the role summaries", async () => {
    const started = Date.now();
    await revalidateAllPages(database.url);
    const { tags } = await readRevalidatedTags(pool, null);
    const everyRoleTag = roleCacheTags("99-0001.00").filter((tag) => tag !== roleCacheTag("99-0001.00"));
    expect(everyRoleTag).toEqual(["role-pages"]);
    for (const tag of ["_N_T_/layout", "roles", ...everyRoleTag]) {
      expect(tags.find((t) => t.tag === tag)?.expiredAt).toBeGreaterThanOrEqual(started);
    }
  });
});
