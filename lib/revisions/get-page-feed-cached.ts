import "server-only";
import { unstable_cache } from "next/cache";
import { roleCacheTags } from "@/lib/cache/cache-tags";
import { resolveOccupation } from "@/lib/community/resolve-occupation";
import { findDataImportedAt } from "@/lib/releases/find-data-imported-at";
import { siteUrl } from "@/lib/site-url.cjs";
import { findPageChanges } from "./find-recent-changes";
import { pageFeedOptions, recentChangesToAtom } from "./recent-changes-feed";

/**
 * A role page's changes as Atom (`/roles/<slug>/changes.atom`), from Next's data cache under
 * the role's cache tags: every change that revalidates the page (an approval, a rollback, a
 * report, an import) refreshes its feed too. Null for an unknown slug (nothing stored).
 */
export async function getPageFeedCached(slug: string): Promise<string | null> {
  const occupation = await resolveOccupation(slug);
  if (!occupation) return null;
  return unstable_cache(
    async (code: string, pageSlug: string, title: string) => {
      const [changes, dataImportedAt] = await Promise.all([findPageChanges(code), findDataImportedAt()]);
      return recentChangesToAtom(changes, siteUrl(), pageFeedOptions({ title, slug: pageSlug }), dataImportedAt);
    },
    ["page-feed"],
    { tags: roleCacheTags(occupation.code), revalidate: 3600 },
  )(occupation.code, occupation.slug, occupation.title);
}
