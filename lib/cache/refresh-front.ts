import "server-only";
import { logger } from "@/lib/logging/logger.cjs";
import { resolveRoleSlug } from "@/lib/roles/resolve-role-slug";
import { roleRepresentationPaths } from "./cache-tags";

/**
 * Asks the cache front (nginx, deploy/nginx/careerwiki.conf) to fetch a role's addresses
 * again now, so that a change reaches readers in well under a second instead of at the end
 * of the front's micro-cache. Each request carries the front's secret header, which makes it
 * skip the cache and store the fresh answer (proxy_cache_bypass). Runs after the response
 * (`after()` in revalidateRole), so its one query (the slug) costs the change nothing.
 *
 * The front fetches them from this instance (X-Careerwiki-Refresh-From), which has already
 * dropped its own copies: another instance may learn of the change a moment later.
 *
 * Set by `npm run start:cluster` (and on a real server, README "Production"):
 * CACHE_REFRESH_URL (where this instance reaches the front), CACHE_REFRESH_SECRET, and
 * CACHE_REFRESH_FROM (where the front reaches this instance; 127.0.0.1:PORT when unset).
 * Unset URL or secret (plain `npm start`): nothing to do. A failure is one log line; the
 * micro-cache still catches up within a second or two.
 */
export async function refreshRoleInFront(occupationCode: string): Promise<void> {
  const front = frontSettings();
  if (!front) return;
  try {
    const slug = await resolveRoleSlug(occupationCode);
    if (!slug) throw new Error("no occupation has this code");
    // The page readers open first; the others then reuse the role view it cached.
    await refreshOrRetry(front, `/roles/${slug}`);
    const paths = [...roleRepresentationPaths({ slug, code: occupationCode }), `/roles/${slug}/changes.atom`, "/changes.atom"];
    await Promise.all(paths.map((path) => refreshOrRetry(front, path)));
  } catch (error) {
    logger.error({ component: "cache-front", occupationCode, err: error }, "could not refresh the role in the front");
  }
}

/**
 * After a data change heard from PostgreSQL (lib/cache/apply-data-change.ts): asks the front
 * to fetch `paths` again from this instance, a few at a time, the first ones first. Returns
 * whether the front is configured here. A failure is one log line per path.
 */
export async function refreshPathsInFront(paths: readonly string[], concurrency = 4): Promise<boolean> {
  const front = frontSettings();
  if (!front) return false;
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      await refreshOrRetry(front, path).catch((error: Error) => logger.error({ component: "cache-front", path, err: error }, "could not refresh the page in the front"));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return true;
}

/** Whether this instance is set to refresh a cache front (CACHE_REFRESH_URL and CACHE_REFRESH_SECRET). */
export function refreshesFront(): boolean {
  return frontSettings() !== null;
}

const REFRESH_TIMEOUT_MS = 5_000;

interface FrontSettings {
  url: string;
  secret: string;
  /** This instance as the front reaches it (host:port). */
  from: string | undefined;
}

function frontSettings(): FrontSettings | null {
  const url = process.env.CACHE_REFRESH_URL;
  const secret = process.env.CACHE_REFRESH_SECRET;
  const from = process.env.CACHE_REFRESH_FROM || (process.env.PORT ? `127.0.0.1:${process.env.PORT}` : undefined);
  return url && secret ? { url, secret, from } : null;
}

/**
 * The front caches each address twice, gzip-compressed and plain, as clients accept
 * (`$careerwiki_accept_encoding` in deploy/nginx/careerwiki.conf): a refresh fetches both.
 */
const ACCEPTED_ENCODINGS = ["gzip", "identity"] as const;

/** Fetches `path` through the front as a refresh, in both encodings at once, reading each answer whole (the front stores it as it passes). */
async function refresh(front: FrontSettings, path: string): Promise<void> {
  await Promise.all(
    ACCEPTED_ENCODINGS.map(async (encoding) => {
      const response = await fetch(new URL(path, front.url), {
        cache: "no-store",
        headers: { "Accept-Encoding": encoding, "X-Careerwiki-Refresh": front.secret, ...(front.from ? { "X-Careerwiki-Refresh-From": front.from } : {}) },
        redirect: "manual",
        signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path} (${encoding}) answered ${response.status}`);
    }),
  );
}

/** A network failure (the connection closed under it) is tried once more: a refresh is a GET. */
async function refreshOrRetry(front: FrontSettings, path: string): Promise<void> {
  try {
    await refresh(front, path);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    await refresh(front, path).catch((retryError: Error) => {
      throw new Error(`${path}: ${retryError.message}`, { cause: retryError.cause });
    });
  }
}
