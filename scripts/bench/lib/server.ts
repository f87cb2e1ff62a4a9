import { existsSync } from "node:fs";
import path from "node:path";
import { openLocalDatabase, type DatabaseHandle } from "@/lib/db/local-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { countOccupations } from "@/lib/db/count-occupations";
import { nextCli } from "../../lib/package-file";
import { run } from "../../lib/run";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** The real-data database (DATABASE_URL, else the embedded one), migrated and checked to hold the import. */
export async function openBenchDatabase(): Promise<DatabaseHandle> {
  const database = await openLocalDatabase();
  await migrateDatabase(database.url);
  const occupations = await countOccupations(database.url);
  if (occupations === 0) {
    await database.stop();
    throw new Error("The database has no occupations: run `npm run data:import` first (benchmarks use the real data).");
  }
  console.log(`Database: ${database.kind === "external" ? "DATABASE_URL" : "embedded PostgreSQL"} (${occupations} occupations)`);
  return database;
}

/** `next build` when `distDir` (.next, or .next-e2e for the fixture data) has no build yet. */
export async function buildIfNeeded(distDir = ".next") {
  if (existsSync(path.join(distDir, "BUILD_ID"))) return;
  console.log(`No production build in ${distDir} yet: running \`next build\`.`);
  const code = await run(process.execPath, [nextCli, "build"], { env: { ...env, NEXT_DIST_DIR: distDir } });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
}
