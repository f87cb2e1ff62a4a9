import { NextResponse, type NextRequest } from "next/server";
import { computeEarnings } from "@/lib/earnings/compute-earnings";
import { ZEarningsQuerySchema } from "@/lib/earnings/compute-earnings.types";
import { toEarningsResponse } from "@/lib/earnings/earnings-response";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/error-response";
import { parseRequestQuery } from "@/lib/http/request-params";
import { findEducationCostTableCached, findRoleSummariesCached, findStatePayCached } from "@/lib/roles/cached-role-summaries";
import { withStatePay } from "@/lib/roles/state-pay-summaries";

/**
 * GET /api/earnings?roles=a,b,c&sector=public&path=median|range&years=10&inflation=0&discount=0&state=CA:
 * the /earnings view as JSON (ZEarningsResponseSchema). Reads only Next's data cache; 422 for a
 * query it cannot use, 404 when no career has any of the addresses or BLS publishes no pay for
 * the state. Cacheable by any shared cache.
 */
export async function GET(request: NextRequest) {
  try {
    const query = parseRequestQuery(ZEarningsQuerySchema, request.nextUrl.searchParams);
    const [summaries, costs, statePay] = await Promise.all([findRoleSummariesCached(), findEducationCostTableCached(), query.state ? findStatePayCached(query.state) : null]);
    if (query.state && !statePay) throw new AppError("NOT_FOUND", `BLS publishes no pay for the state ${query.state}.`);
    const result = computeEarnings(statePay ? withStatePay(summaries, statePay) : summaries, costs, query);
    if (result.careers.length === 0 && result.withoutPay.length === 0) throw new AppError("NOT_FOUND", `No career has the address ${result.unknown.join(", ")}.`);
    return NextResponse.json(toEarningsResponse(query, result, costs, statePay), { headers: { "Cache-Control": "public, max-age=60, s-maxage=600, stale-while-revalidate=3600" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
