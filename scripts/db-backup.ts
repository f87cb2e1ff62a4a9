// npm run db:backup -- FILE
// A logical backup (pg_dump, custom format) of DATABASE_URL's database, or of the embedded
// database of `npm start` (joined while it runs, else started for the backup and stopped).
import { backupDatabase } from "@/lib/db/backup-database";
import { openLocalDatabase } from "@/lib/db/local-database";
import { onShutdown } from "./lib/run";

async function main() {
  const [file, ...extra] = process.argv.slice(2);
  if (!file || extra.length > 0 || file.startsWith("-")) {
    console.error("Usage: npm run db:backup -- FILE   (e.g. careerwiki-2026-12-04.dump)");
    process.exit(2);
  }
  const database = await openLocalDatabase();
  onShutdown(database.stop);
  try {
    const backup = await backupDatabase({ url: database.url, file });
    console.log(`Backed up the ${database.kind === "external" ? "DATABASE_URL" : "embedded"} database to ${backup.file} (${formatBytes(backup.bytes)}).`);
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
