// npm run bench:main-thread: how long a phone's main thread is blocked while a reader page
// starts. Lighthouse simulates a slow phone from a trace and its scores move by several points
// between runs (scripts/bench/lighthouse.ts says why); this measures directly instead: Debian's
// Chromium at Lighthouse's phone size, the CPU slowed 4× by the browser itself (as Lighthouse's
// "devtools" throttling does), a fresh browser context per load (no cache, no compiled code),
// and the browser's own long tasks from first contentful paint on. Prints, per page, the
// median over BENCH_RUNS loads (7) of total blocking time (each long task's time over 50 ms,
// summed), the longest task and first contentful paint. Pages as in bench:lighthouse: names of
// the e2e build's fixture pages, or paths of BENCH_BASE_URL (e.g. `npm start` on the real data).
import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "@/tests/support/e2e/chromium-launch";
import { percentile } from "@/tests/support/e2e/load-driver";
import { openBenchPages, runCount } from "./lib/reader-pages";

const PAGES = [
  ["role page", "/roles/test-widget-engineers"],
  ["home", "/"],
  ["compare", "/compare?roles=test-widget-engineers,test-gadget-technicians"],
  ["search", "/search?q=widget"],
] as const;

const RUNS = runCount("BENCH_RUNS", process.env.BENCH_RUNS, { fallback: 7, max: 50 });

interface Load {
  blockingMs: number;
  longestMs: number;
  fcpMs: number;
}

declare global {
  interface Window {
    __longTasks?: [start: number, duration: number][];
  }
}

async function main() {
  const { pages, app } = await openBenchPages(PAGES, process.argv.slice(2), process.env.BENCH_BASE_URL, "BENCH_BASE_URL");
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs] });
  try {
    console.log(`${RUNS} loads per page, CPU slowed 4×, 412 × 823 touch screen; medians:`);
    console.log(`${"page".padEnd(28)} ${"blocking ms".padStart(12)} ${"longest task".padStart(13)} ${"FCP ms".padStart(8)}  each load's blocking ms`);
    for (const [name, pagePath] of pages) {
      const url = new URL(pagePath, app.baseUrl).href;
      await fetch(url); // rendered into Next's cache once, unmeasured
      const loads: Load[] = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75 });
        try {
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
          await page.addInitScript(() => {
            window.__longTasks = [];
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) window.__longTasks!.push([entry.startTime, entry.duration]);
            }).observe({ type: "longtask", buffered: true });
          });
          await page.goto(url, { waitUntil: "load" });
          // Hydration and the effects after it run after `load`: wait for a quiet main thread.
          await page.waitForTimeout(2_500);
          loads.push(
            await page.evaluate(() => {
              const fcpMs = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
              const tasks = window.__longTasks!.filter(([start]) => start >= fcpMs).map(([, duration]) => duration);
              return { fcpMs, blockingMs: tasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0), longestMs: Math.max(0, ...tasks) };
            }),
          );
        } finally {
          await context.close();
        }
      }
      const figure = (key: keyof Load) => percentile(loads.map((load) => load[key]), 50).toFixed(0);
      console.log(
        `${name.padEnd(28)} ${figure("blockingMs").padStart(12)} ${figure("longestMs").padStart(13)} ${figure("fcpMs").padStart(8)}  ${loads.map((load) => load.blockingMs.toFixed(0)).join(", ")}`,
      );
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
