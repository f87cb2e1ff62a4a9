import { rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { runClientTool } from "./postgres-client-tools";

/**
 * A logical backup of the database at `url` into `file`: PostgreSQL's own `pg_dump` in its
 * custom format (compressed; `pg_restore` reads it). Written beside `file` first and renamed
 * when complete, so a failed backup never leaves a partial file under the name asked for.
 */
export async function backupDatabase({ url, file }: { url: string; file: string }): Promise<{ file: string; bytes: number }> {
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  try {
    await runClientTool("pg_dump", url, ["--format=custom", `--file=${partial}`]);
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  return { file: target, bytes: (await stat(target)).size };
}
