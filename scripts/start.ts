// npm start: the whole app from a fresh clone. Database up (embedded PostgreSQL unless
// DATABASE_URL is set), migrations applied, official data imported when the database has
// no occupations, production build made when missing, then `next start` on PORT (3000).
import { existsSync } from "node:fs";
import path from "node:path";
import { revalidateAllPages } from "@/lib/cache/revalidate-all-pages";
import { resolveDataDir } from "@/lib/datasets/data-dir";
import { runImport } from "@/lib/datasets/run-import";
import { countOccupations } from "@/lib/db/count-occupations";
import { openLocalDatabase } from "@/lib/db/local-database";
import { migrateDatabase } from "@/lib/db/migrate";
import { ensureAuthSecret } from "./lib/auth-secret";
import { nextCli } from "./lib/package-file";
import { onShutdown, run } from "./lib/run";

async function main() {
  const port = process.env.PORT ?? "3000";
  const database = await openLocalDatabase();
  onShutdown(database.stop);
  console.log(database.kind === "embedded" ? `Database: embedded PostgreSQL (${database.url.replace(/:[^:@/]+@/, ":***@")})` : "Database: DATABASE_URL");

  await migrateDatabase(database.url);
  console.log("Migrations applied.");

  if ((await countOccupations(database.url)) === 0) {
    const dir = resolveDataDir();
    if (!dir) {
      console.warn("No occupations yet and no data folder found: set DATA_DIR (or run `npm run data:import -- --dir PATH`).");
    } else {
      console.log(`No occupations yet: importing the official datasets from ${dir}`);
      const { report, failed, seconds } = await runImport({ databaseUrl: database.url, dir });
      report.printSummary(seconds);
      for (const error of failed) console.error(`error: ${error.message}`);
      if (report.rowsChanged > 0) await revalidateAllPages(database.url);
    }
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? (await ensureAuthSecret()),
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
  };
  if (!existsSync(path.join(".next", "BUILD_ID"))) {
    console.log("No production build yet: running `next build` (about a minute).");
    const built = await run(process.execPath, [nextCli, "build"], { env });
    if (built !== 0) {
      await database.stop();
      process.exit(built);
    }
  }
  console.log(`Serving on http://localhost:${port}`);
  const code = await run(process.execPath, [nextCli, "start", "--port", port], { env });
  await database.stop();
  process.exit(code);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
