// npm run bench:print: how many Letter pages rich real role pages print on (target ≤ 6, Readers
// issue §4). The production build (`.next`, or BENCH_DIST_DIR) served by `next start` against the
// real-data database (DATABASE_URL or the embedded one); Chromium's own PDF (page.pdf, Letter,
// print media), pages counted from its page objects as e2e/reader/print.spec.ts counts them on
// the fixture pages. BENCH_PRINT_CODES (comma-separated O*NET codes) chooses other pages.
// Exits 1 when a page prints on more than 6.
import { chromium } from "@playwright/test";
import { newPgClient } from "@/lib/db/pg-client";
import { startProductionServer } from "@/tests/support/e2e/production-server";
import { chromiumArgs, chromiumPath } from "@/tests/support/e2e/chromium-launch";
import { buildIfNeeded, openBenchDatabase } from "./lib/server";

const MAX_PAGES = 6;
// Long pages: registered nurses, software developers, information security engineers, chief
// executives, general and operations managers (the most tasks, tools, states and metro areas).
const CODES = (process.env.BENCH_PRINT_CODES ?? "29-1141.00,15-1252.00,15-1299.05,11-1011.00,11-1021.00").split(",");

async function slugsFor(databaseUrl: string): Promise<{ code: string; slug: string }[]> {
  const client = newPgClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ code: string; slug: string }>(`SELECT "code", "slug" FROM "Occupation" WHERE "code" = ANY($1) ORDER BY "code"`, [CODES]);
    return result.rows;
  } finally {
    await client.end();
  }
}

async function main() {
  const distDir = process.env.BENCH_DIST_DIR ?? ".next";
  await buildIfNeeded(distDir);
  const database = await openBenchDatabase();
  // A private copy of the build: pages rendered from this database stay out of the build's own cache.
  const server = await startProductionServer(database.url, { distDir, isolated: true });
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs] });
  let over = 0;
  try {
    const page = await browser.newPage();
    console.log(`\n${"role page".padEnd(52)} ${"pages".padStart(5)} ${"HTML".padStart(8)}`);
    for (const { code, slug } of await slugsFor(database.url)) {
      const response = await page.goto(`${server.baseUrl}/roles/${slug}`, { waitUntil: "load" });
      if (!response?.ok()) throw new Error(`/roles/${slug} answered ${response?.status()}`);
      const html = (await response.text()).length;
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "Letter" });
      // Each page is one `/Type /Page` object (`/Type /Pages` is the page tree).
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
      if (pages > MAX_PAGES) over++;
      console.log(`${`${code} /roles/${slug}`.padEnd(52)} ${String(pages).padStart(5)} ${`${(html / 1024).toFixed(0)} KB`.padStart(8)}${pages > MAX_PAGES ? `  over ${MAX_PAGES}` : ""}`);
      await page.emulateMedia({ media: "screen" });
    }
  } finally {
    await browser.close();
    await server.stop();
    await database.stop();
  }
  console.log(over === 0 ? `\nEvery page prints on at most ${MAX_PAGES} Letter pages.` : `\n${over} page(s) print on more than ${MAX_PAGES} Letter pages.`);
  if (over > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
