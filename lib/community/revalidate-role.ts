import "server-only";
import { revalidateTag } from "next/cache";
import { roleCacheTag } from "@/lib/cache/cache-tags";

/**
 * After a change to a page's community layer commits (an approval, a rollback, a report):
 * every cached representation of the role (page, Markdown, JSON) carries its tag
 * (lib/cache/cache-tags.ts), so all of them are re-rendered on their next request, on every
 * app instance (with REDIS_URL they share one cache: lib/cache/cache-handler.cjs). History, compare, /changes and its feed
 * render per request. Needs no database read, so it cannot fail after the commit.
 */
export async function revalidateRole(occupationCode: string) {
  // expire: 0 — the next reader gets the new state, not the old page while it re-renders.
  revalidateTag(roleCacheTag(occupationCode), { expire: 0 });
}
