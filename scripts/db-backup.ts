// npm run db:backup -- FILE [--force]
// A logical backup (pg_dump, custom format) of DATABASE_URL's database, or of the embedded
// database of `npm start` (joined while it runs, else started for the backup and stopped).
// The file is created with mode 0600: it holds live session tokens.
import { parseArgs } from "node:util";
import { backupDatabase } from "@/lib/db/backup-database";
import { openLocalDatabase } from "@/lib/db/local-database";
import { onShutdown } from "./lib/run";

const USAGE = "Usage: npm run db:backup -- FILE [--force]   (e.g. careerwiki-2026-12-04.dump; --force replaces an existing FILE; the file holds secrets and is created readable by you only)";

function parseArguments(): { file: string; force: boolean } {
  try {
    const { values, positionals } = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true });
    const [file, ...extra] = positionals;
    if (file && extra.length === 0) return { file, force: values.force ?? false };
  } catch {
    // An unknown option: the usage below says what there is.
  }
  console.error(USAGE);
  process.exit(2);
}

async function main() {
  const { file, force } = parseArguments();
  const database = await openLocalDatabase();
  onShutdown(database.stop);
  try {
    const backup = await backupDatabase({ url: database.url, file, overwrite: force });
    console.log(`Backed up the ${database.kind === "external" ? "DATABASE_URL" : "embedded"} database to ${backup.file} (${formatBytes(backup.bytes)}, readable by its owner only: it holds session tokens).`);
  } finally {
    await database.stop();
  }
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
