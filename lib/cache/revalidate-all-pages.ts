import { EVERY_PAGE_TAGS } from "./cache-tags";
import { createTagStorePool, recordRevalidatedTags } from "./shared-tag-store.cjs";

/**
 * After an import changed official rows: every app instance serving this database drops
 * every cached page and data entry within a second (they poll the shared revalidations; an
 * instance that starts later reads them first). Nothing to restart.
 */
export async function revalidateAllPages(databaseUrl: string) {
  const pool = createTagStorePool(databaseUrl);
  try {
    const now = Date.now();
    await recordRevalidatedTags(pool, EVERY_PAGE_TAGS.map((tag) => ({ tag, expiredAt: now })));
  } finally {
    await pool.end();
  }
}
