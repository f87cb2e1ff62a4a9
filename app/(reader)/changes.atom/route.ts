import { toErrorResponse } from "@/lib/http/error-response";
import { findRecentChanges } from "@/lib/revisions/find-recent-changes";
import { findDataImportedAt } from "@/lib/releases/find-data-imported-at";
import { recentChangesToAtom, SITE_FEED } from "@/lib/revisions/recent-changes-feed";
import { siteUrl } from "@/lib/site-url.cjs";

// Public and read-only: no session is involved. Rendered per request so it never lags the page.
export const dynamic = "force-dynamic";

/** Recent changes as an Atom 1.0 feed. */
export async function GET() {
  try {
    const [changes, dataImportedAt] = await Promise.all([findRecentChanges(50), findDataImportedAt()]);
    const xml = recentChangesToAtom(changes, siteUrl(), SITE_FEED, dataImportedAt);
    return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=60" } });
  } catch (error) {
    return toErrorResponse(error, "text");
  }
}
