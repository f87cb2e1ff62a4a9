// npm run bench:js: the gzipped JavaScript a served role page loads (and home, search, browse
// for comparison). Builds if needed, serves the real-data database, prints sizes.
import { pickRoleSlug } from "./lib/role-slug";
import { measurePageScripts, printScriptSizes } from "./lib/reader-js";
import { startProductionServer } from "@/tests/support/e2e/production-server";
import { buildIfNeeded, openBenchDatabase } from "./lib/server";

async function main() {
  await buildIfNeeded();
  const database = await openBenchDatabase();
  const server = await startProductionServer(database.url);
  try {
    const slug = await pickRoleSlug(database.url);
    for (const pagePath of [`/roles/${slug}`, "/", "/roles", "/search?q=nurse"]) {
      printScriptSizes(pagePath, await measurePageScripts(server.baseUrl, pagePath));
    }
  } finally {
    await server.stop();
    await database.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
