import { checkDatabase } from "@/lib/health/check-database";
import { RETRY_AFTER_SECONDS } from "@/lib/http/error-response";

// Asked for by the front (and any load balancer) to skip an instance whose database is away:
// rendered per request, never stored by anyone. Next answers HEAD from GET and every other
// method with 405.
export const dynamic = "force-dynamic";

/**
 * GET /api/health → 200 `{"status":"ok","databaseMs":3}` when PostgreSQL answers `SELECT 1`
 * within 2 s, else 503 `{"status":"unavailable"}` with Retry-After. Nothing else: no version,
 * no error text (the reason goes to the server log).
 */
export async function GET() {
  const health = await checkDatabase();
  if (health.status === "ok") return Response.json(health, { headers: { "Cache-Control": "no-store" } });
  return Response.json(health, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": RETRY_AFTER_SECONDS } });
}
