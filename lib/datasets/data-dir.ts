import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Where the official files are: `--dir`, else DATA_DIR, else ../shared/datasets beside
 * the project when it exists. Null when none is set and the default is absent.
 */
export function resolveDataDir(explicit?: string): string | null {
  if (explicit) return path.resolve(explicit);
  if (process.env.DATA_DIR) return path.resolve(process.env.DATA_DIR);
  const sibling = path.resolve(process.cwd(), "..", "shared", "datasets");
  return existsSync(sibling) ? sibling : null;
}
