import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";
import { isUrlText, ZRoleSlugSchema } from "@/lib/http/request-params";
import { getRolePageCached } from "@/lib/roles/get-role-page-cached";
import { roleToMarkdown } from "@/lib/roles/role-to-markdown";
import { siteUrl } from "@/lib/site-url.cjs";

// /roles/<slug>.md is rewritten here (next.config.ts). Cached like the page itself.
export const dynamicParams = true;
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    // A name that is no slug ("/roles/..md", "/roles/a%2Fb.md", a NUL) is as unknown as a missing role.
    const page = isUrlText(slug) && ZRoleSlugSchema.safeParse(slug).success ? await getRolePageCached({ slug }) : null;
    if (!page) throw new AppError("NOT_FOUND", "No such role.");
    const body = roleToMarkdown(page, { url: `${siteUrl()}/roles/${page.slug}` });
    return new Response(body, {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Cache-Control": "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400",
      },
    });
  } catch (error) {
    return toErrorResponse(error, "text");
  }
}
