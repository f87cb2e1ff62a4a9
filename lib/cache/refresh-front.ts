import "server-only";
import { z } from "zod";

/**
 * Asks the cache front (nginx, deploy/nginx/careerwiki.conf) to fetch a role's addresses
 * again now, so that a change reaches readers in well under a second instead of at the end
 * of the front's micro-cache. Each request carries the front's secret header, which makes it
 * skip the cache and store the fresh answer (proxy_cache_bypass). The JSON is fetched first:
 * it is rendered afresh and names the role's slug, so no database read is needed here.
 *
 * Set by `npm run start:cluster` (and on a real server, README "Production"):
 * CACHE_REFRESH_URL (where this instance reaches the front) and CACHE_REFRESH_SECRET. Unset
 * (plain `npm start`): nothing to do. A failure is one log line; the micro-cache still
 * catches up within a second or two.
 */
export async function refreshRoleInFront(occupationCode: string): Promise<void> {
  const front = frontSettings();
  if (!front) return;
  try {
    const json = ZRoleSlugSchema.parse(await (await refresh(front, `/api/roles/${occupationCode}`)).json());
    await Promise.all([`/roles/${json.slug}`, `/roles/${json.slug}.md`, "/changes.atom"].map(async (path) => (await refresh(front, path)).arrayBuffer()));
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    console.error(`[cache-front] could not refresh ${occupationCode}: ${error instanceof Error ? error.message : String(error)}${cause}`);
  }
}

const ZRoleSlugSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]+$/) });

const REFRESH_TIMEOUT_MS = 5_000;

function frontSettings(): { url: string; secret: string } | null {
  const url = process.env.CACHE_REFRESH_URL;
  const secret = process.env.CACHE_REFRESH_SECRET;
  return url && secret ? { url, secret } : null;
}

async function refresh(front: { url: string; secret: string }, path: string): Promise<Response> {
  const response = await fetch(new URL(path, front.url), {
    headers: { "X-Careerwiki-Refresh": front.secret },
    redirect: "manual",
    signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response;
}
