// npm run db:backup -- FILE [--force]
// A logical backup (pg_dump, custom format) of DATABASE_URL's database, or of the embedded
// database of `npm start` (joined while it runs, else started for the backup and stopped).
// The file is created with mode 0600: it holds live session tokens.
import { backupDatabase } from "@/lib/db/backup-database";
import { openLocalDatabase } from "@/lib/db/local-database";
import { exitWithUsage, parseCommandArgs } from "./lib/command-args";
import { onShutdown } from "./lib/run";

const USAGE = "Usage: npm run db:backup -- FILE [--force]   (e.g. careerwiki-2026-12-04.dump; --force replaces an existing FILE; the file holds secrets and is created readable by you only)";

function parseArguments(): { file: string; force: boolean } {
  const parsed = parseCommandArgs(process.argv.slice(2), { force: { type: "boolean" } }, USAGE, { allowPositionals: true });
  // The usage alone: it says what there is.
  if (!parsed.ok) exitWithUsage([USAGE]);
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) exitWithUsage([USAGE]);
  return { file, force: parsed.values.force ?? false };
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
