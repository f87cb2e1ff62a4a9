import { rm } from "node:fs/promises";
import path from "node:path";

/**
 * Drops the pages and data Next cached on disk (ISR output and the data cache), so that
 * the next view renders from the freshly imported data. Used after an import that changed
 * rows; the build itself is kept.
 */
export async function clearRenderedPages(distDir = process.env.NEXT_DIST_DIR || ".next") {
  await rm(path.join(distDir, "server", "route-cache"), { recursive: true, force: true });
  await rm(path.join(distDir, "cache", "fetch-cache"), { recursive: true, force: true });
}
