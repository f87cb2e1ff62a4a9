import "server-only";
import { revalidateTag } from "next/cache";
import { after } from "next/server";
import { roleCacheTag } from "@/lib/cache/cache-tags";
import { refreshRoleInFront } from "@/lib/cache/refresh-front";

/**
 * After a change to a page's community layer commits (an approval, a rollback, a report):
 * every cached representation of the role (page, Markdown, JSON) carries its tag
 * (lib/cache/cache-tags.ts), so all of them are re-rendered on their next request, on every
 * app instance (with REDIS_URL they share one cache: lib/cache/cache-handler.cjs). History, compare, /changes and its feed
 * render per request. Needs no database read, so it cannot fail after the commit. Once the
 * response is sent, a cache front in front of the instances (start:cluster, production) is
 * asked to fetch the role's addresses again (lib/cache/refresh-front.ts).
 */
export async function revalidateRole(occupationCode: string) {
  // expire: 0 — the next reader gets the new state, not the old page while it re-renders.
  revalidateTag(roleCacheTag(occupationCode), { expire: 0 });
  after(() => refreshRoleInFront(occupationCode));
}
