import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";
import { parseRouteParams } from "@/lib/http/request-params";
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
  try {
    const { code } = parseRouteParams(ZGetRoleApiParamsSchema, await params);
    const page = await getRolePageCached({ code });
    if (!page) throw new AppError("NOT_FOUND", `No occupation has the code ${code}.`);
    return NextResponse.json(page, { headers: { "Cache-Control": CACHE } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
