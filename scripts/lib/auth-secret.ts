import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { LOCAL_DATA_DIR } from "@/lib/db/local-database";

/**
 * Auth.js needs AUTH_SECRET under `next start`. A zero-setup start makes one once and
 * keeps it in the git-ignored .data folder, so sessions survive restarts.
 */
export async function ensureAuthSecret(): Promise<string> {
  const file = path.join(LOCAL_DATA_DIR, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(LOCAL_DATA_DIR, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
