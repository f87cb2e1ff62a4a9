// npm run data:import -- [--dir PATH] [--only onet,oews] [--dry-run] [--release 29.3 --allow-older]
// Imports the official datasets into the database (DATABASE_URL, else the embedded one): every
// O*NET release folder (onet/, onet-30.1/, ...) and the other datasets. --dry-run reports what
// would change (and which community corrections' official base) and writes nothing; --release
// makes that O*NET release the one pages show (going back needs --allow-older).
import { formatReleaseChangeReport, watchOfficialReleases, type ReleaseChangeReport } from "@/lib/community/official-release-changes";
import { recordDataChange } from "@/lib/cache/record-data-change";
import { revalidateAllPages } from "@/lib/cache/revalidate-all-pages";
import { checkDataDir, DATA_DIR_LAYOUT, defaultDataDir, resolveDataDir, selectImporters } from "@/lib/datasets/data-dir";
import { runImport } from "@/lib/datasets/run-import";
import { openLocalDatabase } from "@/lib/db/local-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { exitWithUsage, parseCommandArgs } from "./lib/command-args";
import { exitOnFailure, onShutdown } from "./lib/run";

const USAGE = "Usage: npm run data:import -- [--dir PATH] [--only onet,oews] [--dry-run] [--release V [--allow-older]]";

async function main() {
  const parsed = parseCommandArgs(
    process.argv.slice(2),
    {
      dir: { type: "string" },
      only: { type: "string" },
      "dry-run": { type: "boolean" },
      "allow-older": { type: "boolean" },
      release: { type: "string" },
    },
    USAGE,
  );
  if (!parsed.ok) exitWithUsage(parsed.errors);
  const { values } = parsed;
  const options = { dryRun: values["dry-run"] ?? false, allowOlder: values["allow-older"] ?? false, onetRelease: values.release };
  const importers = selectImporters(values.only);
  const dir = resolveDataDir(values.dir);
  if (!dir) {
    console.error(`No data folder: pass --dir PATH or set DATA_DIR (${defaultDataDir()} does not exist). Expected ${DATA_DIR_LAYOUT}.`);
    process.exit(2);
  }
  await checkDataDir(dir, importers);
  const database = await openLocalDatabase();
  onShutdown(database.stop);
  if (database.kind === "shared") console.log("Using the embedded database of the running `npm start` (left running).");
  try {
    await migrateDatabase(database.url);
    console.log(`Importing from ${dir}`);
    const releaseReports: ReleaseChangeReport[] = [];
    const { report, failed, seconds } = await runImport({
      databaseUrl: database.url,
      dir,
      importers,
      options,
      watch: watchOfficialReleases((releaseReport) => releaseReports.push(releaseReport)),
    });
    report.printSummary(seconds);
    for (const releaseReport of releaseReports) console.log(`\n${formatReleaseChangeReport(releaseReport, options.dryRun)}`);
    for (const error of failed) console.error(`error: ${error.message}`);
    if (!options.dryRun && report.rowsChanged > 0) {
      // For an app that is not running (its next start renders afresh), then for those that are:
      // each hears of the change from PostgreSQL and drops its cached pages, and the cache front
      // is refreshed (lib/cache/apply-data-change.ts).
      await revalidateAllPages();
      await recordDataChange({ databaseUrl: database.url, source: "import", occupationCodes: report.changedOccupations() });
      console.log("Cached pages revalidated: running app instances (and the cache front) show the new data now.");
    }
    process.exitCode = failed.length > 0 ? 1 : 0;
  } finally {
    await database.stop();
  }
}

main().catch(exitOnFailure);
