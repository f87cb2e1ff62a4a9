// npm run db:migration -- NAME: writes prisma/migrations/<timestamp>_NAME/migration.sql with
// the SQL that takes the committed migrations to prisma/schema.prisma. It uses
// `prisma migrate diff --from-migrations` (which replays the migrations in a shadow database
// on DATABASE_URL's server or the embedded one), because `migrate dev` cannot evaluate data
// loss through the wasm engine's driver adapter.
import { copyFile, mkdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openLocalDatabase } from "@/lib/db/local-database";
import { exitWithUsage } from "./lib/command-args";
import { packageFile } from "./lib/package-file";
import { exitOnFailure, onShutdown, run } from "./lib/run";

const EMPTY_DIFF = 0;
const NON_EMPTY_DIFF = 2;

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    exitWithUsage(["Usage: npm run db:migration -- name_in_snake_case"]);
  }
  const database = await openLocalDatabase();
  onShutdown(database.stop);
  const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join("prisma", "migrations", `${timestamp}_${name}`);
  // Written outside prisma/migrations first: an empty folder there would be read as a migration.
  const draft = path.join(os.tmpdir(), `careerwiki-migration-${process.pid}.sql`);
  const prismaCli = packageFile("prisma", "build", "index.js");
  const code = await run(
    process.execPath,
    ["--require", "./prisma/unref-timers.cjs", prismaCli, "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code", "--output", draft],
    { env: { ...process.env, DATABASE_URL: database.url } },
  );
  await database.stop();
  if (code === NON_EMPTY_DIFF) {
    await mkdir(folder, { recursive: true });
    await copyFile(draft, path.join(folder, "migration.sql"));
    await rm(draft, { force: true });
    console.log(`Wrote ${folder}/migration.sql: review it, then commit it with the schema change.`);
    process.exit(0);
  }
  await rm(draft, { force: true });
  console.log(code === EMPTY_DIFF ? "prisma/schema.prisma already matches the migrations: nothing to write." : "prisma migrate diff failed (see above).");
  process.exit(code === EMPTY_DIFF ? 0 : 1);
}

main().catch(exitOnFailure);
