import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";
import { isUrlText, ZRoleSlugSchema } from "@/lib/http/request-params";
import { getPageFeedCached } from "@/lib/revisions/get-page-feed-cached";

// One page's changes as Atom, public and read-only. Cached like the page and revalidated with
// it (the role's cache tag), so it never lags the page's history.
export const dynamicParams = true;
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const xml = isUrlText(slug) && ZRoleSlugSchema.safeParse(slug).success ? await getPageFeedCached(slug) : null;
    if (xml === null) throw new AppError("NOT_FOUND", "No such role.");
    return new Response(xml, {
      headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400" },
    });
  } catch (error) {
    return toErrorResponse(error, "text");
  }
}
