// npm run db:migration -- NAME: writes prisma/migrations/<timestamp>_NAME/migration.sql for
// the difference between the migrations and prisma/schema.prisma (prisma migrate dev
// --create-only), against DATABASE_URL or the embedded database.
import { createRequire } from "node:module";
import path from "node:path";
import { openLocalDatabase } from "@/lib/db/local-database";
import { onShutdown, run } from "./lib/run";

const require = createRequire(import.meta.url);

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage: npm run db:migration -- name_in_snake_case");
    process.exit(2);
  }
  const database = await openLocalDatabase();
  onShutdown(database.stop);
  const prismaCli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
  const code = await run(process.execPath, ["--require", "./prisma/unref-timers.cjs", prismaCli, "migrate", "dev", "--create-only", "--skip-generate", "--name", name], {
    env: { ...process.env, DATABASE_URL: database.url },
  });
  await database.stop();
  process.exit(code);
}

void main();
