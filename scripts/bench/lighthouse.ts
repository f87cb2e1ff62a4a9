// npm run bench:lighthouse: Lighthouse (mobile, its default: a mid-range phone on a slow 4G
// line, simulated) on the reader pages of the e2e build (started as the e2e suite starts it:
// scripts/e2e-server.ts, on the fixture datasets), in Debian's Chromium, headless, with the
// e2e suite's flags. Prints the four category scores and the layout shift of each page, then
// every audit below a full score (LIGHTHOUSE_VERBOSE=0 leaves them out); LIGHTHOUSE_REPORT_DIR
// keeps each page's whole report there as JSON. Arguments choose pages by name. Exits 1 when a page
// misses the targets of the reader issue: accessibility, best practices and SEO 100
// (SEO not counted where the page asks not to be indexed), performance ≥ 98, CLS 0.
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import type { Result } from "lighthouse";
import { chromium } from "@playwright/test";
import { findFreePort } from "@/lib/db/find-free-port";
import { chromiumArgs, chromiumPath } from "@/tests/support/e2e/chromium-launch";
import { startE2eApp } from "./lib/e2e-app";

const PAGES = [
  ["role page", "/roles/test-widget-engineers"],
  ["home", "/"],
  ["compare", "/compare?roles=test-widget-engineers,test-gadget-technicians"],
  ["interests", "/interests"],
  ["earnings", "/earnings?roles=test-widget-engineers,test-gadget-technicians"],
  ["paths", "/paths"],
] as const;

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

// Lighthouse's own CLI in a plain Node process: under tsx, its in-page functions carry
// esbuild's `__name` helper, which the page does not have.
const lighthouseCli = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");

async function runLighthouse(url: string, port: number): Promise<Result> {
  const args = [lighthouseCli, url, `--port=${port}`, "--output=json", "--output-path=stdout", "--quiet", `--only-categories=${CATEGORIES.join(",")}`];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as Result;
}

async function main() {
  const only = process.argv.slice(2);
  const app = await startE2eApp();
  const port = await findFreePort();
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs, `--remote-debugging-port=${port}`] });
  const verbose = process.env.LIGHTHOUSE_VERBOSE !== "0";
  const misses: string[] = [];
  try {
    console.log(`${"page".padEnd(12)} ${CATEGORIES.map((c) => c.padStart(14)).join(" ")}    CLS  path`);
    for (const [name, pagePath] of PAGES) {
      if (only.length > 0 && !only.includes(name)) continue;
      // Once unmeasured: the first request renders the page into Next's cache, as a reader after the first sees it.
      await fetch(new URL(pagePath, app.baseUrl));
      const lhr = await runLighthouse(new URL(pagePath, app.baseUrl).href, port);
      const reportDir = process.env.LIGHTHOUSE_REPORT_DIR;
      if (reportDir) {
        await mkdir(reportDir, { recursive: true });
        await writeFile(path.join(reportDir, `${name.replace(/\W+/g, "-")}.json`), JSON.stringify(lhr));
      }
      const scores = CATEGORIES.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100));
      const cls = lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN;
      console.log(`${name.padEnd(12)} ${scores.map((s) => String(s).padStart(14)).join(" ")} ${cls.toFixed(3).padStart(6)}  ${pagePath}`);
      const noindex = lhr.audits["is-crawlable"]?.score === 0;
      const [performance, accessibility, bestPractices, seo] = scores as [number, number, number, number];
      if (performance < 98 || accessibility < 100 || bestPractices < 100 || (seo < 100 && !noindex) || cls > 0) misses.push(name);
      if (!verbose) continue;
      for (const id of CATEGORIES) {
        for (const ref of lhr.categories[id]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!audit || audit.score === null || audit.score >= 1 || audit.scoreDisplayMode === "informative" || audit.scoreDisplayMode === "manual") continue;
          console.log(`    ${id}: ${audit.id} (${audit.score}) ${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ""}`);
        }
      }
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  if (misses.length > 0) {
    console.log(`Below target: ${misses.join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
