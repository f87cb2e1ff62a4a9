import { openApiDocument } from "@/lib/api/openapi-document";

// The same for everyone and every build: rendered once at build time, served from the cache.
export const dynamic = "force-static";

/** GET /api/openapi.json: the public API as an OpenAPI 3.1 document (lib/api/openapi-document.ts). */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400" } });
}
