import { NextResponse, type NextRequest } from "next/server";
import { AppError, toHttpStatus, toUserMessage } from "@/lib/errors";
import { searchRoles } from "@/lib/roles/search-roles";
import { ZSearchQuerySchema } from "@/lib/roles/search-roles.types";
import { ZSuggestResponseSchema, SUGGESTION_LIMIT } from "./suggest.types";

/**
 * GET /api/search/suggest?q=cyber → up to 8 roles for the header's search box: title,
 * slug, code and the alternate title that matched. Cacheable by any shared cache.
 */
export async function GET(request: NextRequest) {
  const parsed = ZSearchQuerySchema.safeParse(request.nextUrl.searchParams.get("q") ?? "");
  if (!parsed.success) {
    return NextResponse.json({ error: parsed.error.issues[0]?.message ?? "Invalid query." }, { status: 422, headers: { "Cache-Control": "no-store" } });
  }
  try {
    const results = await searchRoles({ query: parsed.data, limit: SUGGESTION_LIMIT });
    const body = ZSuggestResponseSchema.parse({
      query: parsed.data,
      suggestions: results.map((r) => ({ code: r.code, slug: r.slug, title: r.title, matchedKind: r.matchedKind, matchedText: r.matchedText })),
    });
    return NextResponse.json(body, { headers: { "Cache-Control": "public, max-age=60, s-maxage=600, stale-while-revalidate=3600" } });
  } catch (error) {
    if (!(error instanceof AppError)) console.error(error);
    return NextResponse.json({ error: toUserMessage(error) }, { status: toHttpStatus(error), headers: { "Cache-Control": "no-store" } });
  }
}
