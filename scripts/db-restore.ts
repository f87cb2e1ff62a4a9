// npm run db:restore -- FILE [--force]
// Restores a backup of `npm run db:backup` into DATABASE_URL's database or the embedded one
// (created when missing), has every cached page dropped (this process's cache, and every running
// instance's through a recorded data change), then checks that its migrations match this version's.
import { recordDataChange } from "@/lib/cache/record-data-change";
import { revalidateAllPages } from "@/lib/cache/revalidate-all-pages";
import { openLocalDatabase } from "@/lib/db/local-database";
import { checkMigrationStatus } from "@/lib/db/migrate";
import { findLastDataChangeId, restoreDatabase } from "@/lib/db/restore-database";
import { exitWithUsage, parseCommandArgs } from "./lib/command-args";
import { onShutdown } from "./lib/run";

const USAGE = "Usage: npm run db:restore -- FILE [--force]   (--force drops a database that is not empty and restores over it)";

async function main() {
  const parsed = parseCommandArgs(process.argv.slice(2), { force: { type: "boolean" } }, USAGE, { allowPositionals: true });
  // The usage alone: it says what there is.
  if (!parsed.ok) exitWithUsage([USAGE]);
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) exitWithUsage([USAGE]);
  const force = parsed.values.force ?? false;
  const database = await openLocalDatabase({ mayBeMissing: true });
  onShutdown(database.stop);
  try {
    const { lastDataChangeId } = await restoreDatabase({ url: database.url, file, force });
    console.log(`Restored ${file} into the ${database.kind === "external" ? "DATABASE_URL" : "embedded"} database.`);
    // Pages cached from the data before the restore are dropped, as after an import: running
    // instances hear of it through the data change (after the last one they handled).
    await revalidateAllPages();
    if ((await findLastDataChangeId(database.url)) === null) {
      console.log("The backup predates data change records: restart running instances so that they drop their cached pages.");
    } else {
      await recordDataChange({ databaseUrl: database.url, source: "restore", occupationCodes: null, idAbove: lastDataChangeId });
      console.log("Running instances were told to drop their cached pages.");
    }
    const status = await checkMigrationStatus(database.url);
    if (status.upToDate) {
      console.log("Migrations: the restored database has exactly this version's migrations.");
    } else {
      console.log(`Migrations differ from this version's (\`npm start\` applies pending ones):\n${status.report}`);
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
