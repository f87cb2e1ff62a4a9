import { NextResponse, type NextRequest } from "next/server";
import { toErrorResponse } from "@/lib/http/error-response";
import { parseRequestQuery } from "@/lib/http/request-params";
import { searchRoles } from "@/lib/roles/search-roles";
import { ZSuggestQuerySchema, ZSuggestResponseSchema, SUGGESTION_LIMIT } from "./suggest.types";

/**
 * GET /api/search/suggest?q=cyber → up to 8 roles for the header's search box: title,
 * slug, code, the alternate title that matched and, for an occupation that left O*NET, the release and its successors. Cacheable by any shared cache.
 */
export async function GET(request: NextRequest) {
  try {
    const { q } = parseRequestQuery(ZSuggestQuerySchema, request.nextUrl.searchParams);
    const results = await searchRoles({ query: q, limit: SUGGESTION_LIMIT });
    const body = ZSuggestResponseSchema.parse({
      query: q,
      suggestions: results.map((r) => ({ code: r.code, slug: r.slug, title: r.title, matchedKind: r.matchedKind, matchedText: r.matchedText, leftOnet: r.leftOnet })),
    });
    return NextResponse.json(body, { headers: { "Cache-Control": "public, max-age=60, s-maxage=600, stale-while-revalidate=3600" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
