import { chmod, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { OperatorError } from "./operator-error";
import { runClientTool } from "./postgres-client-tools";

/** A backup holds secrets (sessions, verification tokens, e-mail addresses): its owner alone may read it. */
export const BACKUP_FILE_MODE = 0o600;

/** `file` exists and `overwrite` was not given: the operator said nothing about replacing it. */
export class BackupExistsError extends OperatorError {
  constructor(readonly file: string) {
    super(`${file} already exists: choose another name, or add --force to replace it.`);
  }
}

/**
 * A logical backup of the database at `url` into `file`: PostgreSQL's own `pg_dump` in its
 * custom format (compressed; `pg_restore` reads it). Written beside `file` first (created with
 * mode 0600 before pg_dump writes into it, since it holds live session tokens) and renamed when
 * complete, so a failed backup never leaves a partial file under the name asked for. An existing
 * `file` is refused unless `overwrite`; replaced, it is a new file with mode 0600 too.
 */
export async function backupDatabase({ url, file, overwrite = false }: { url: string; file: string; overwrite?: boolean }): Promise<{ file: string; bytes: number }> {
  const target = path.resolve(file);
  if (!overwrite && (await stat(target).catch(() => null))) throw new BackupExistsError(target);
  const partial = `${target}.partial`;
  try {
    await rm(partial, { force: true });
    await (await open(partial, "wx", BACKUP_FILE_MODE)).close();
    // The umask cannot widen it, but it could narrow it: exactly 0600.
    await chmod(partial, BACKUP_FILE_MODE);
    await runClientTool("pg_dump", url, ["--format=custom", `--file=${partial}`]);
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  return { file: target, bytes: (await stat(target)).size };
}
