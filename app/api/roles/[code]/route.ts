import { NextResponse } from "next/server";
import { getRolePageCached } from "@/lib/roles/get-role-page-cached";
import { ZGetRoleApiParamsSchema } from "./route.types";

// The role page's data as JSON (the RolePage view model, see README). Cached like the page.
export const dynamicParams = true;
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

const CACHE = "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const parsed = ZGetRoleApiParamsSchema.safeParse(await params);
  if (!parsed.success) {
    return NextResponse.json({ error: { code: "INVALID_INPUT", message: parsed.error.issues[0]?.message ?? "invalid code" } }, { status: 422 });
  }
  const page = await getRolePageCached({ code: parsed.data.code });
  if (!page) return NextResponse.json({ error: { code: "NOT_FOUND", message: `No occupation has the code ${parsed.data.code}.` } }, { status: 404 });
  return NextResponse.json(page, { headers: { "Cache-Control": CACHE } });
}
