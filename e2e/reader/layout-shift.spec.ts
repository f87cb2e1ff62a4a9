import { expect, type Page, test } from "@playwright/test";
import { seedUser } from "../../tests/support/seed-users";

// The header does not move when the account menu (which asks for the session from the
// browser) fills in: no layout shift on load, signed out or signed in, on a phone and on a
// wide screen. Measured with the browser's own layout-shift entries (what CLS adds up).
const PATHS = ["/", "/roles/test-widget-engineers", "/compare?roles=test-widget-engineers,test-gadget-technicians"];
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

async function layoutShift(page: Page, path: string, accountText: RegExp): Promise<number> {
  await page.goto(path);
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(accountText);
  // Entries are buffered from the start of the load; shifts right after an input do not count.
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
      }),
  );
}

for (const viewport of VIEWPORTS) {
  test(`no layout shift while the account menu loads, at ${viewport.width} px`, async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const user = await seedUser({ databaseUrl: process.env.E2E_DATABASE_URL!, name: "Shift Checker", baseUrl: baseURL });
    const shifts: string[] = [];
    for (const signedIn of [false, true]) {
      const context = await browser.newContext({ viewport });
      if (signedIn) await context.addCookies([user.cookie]);
      const page = await context.newPage();
      for (const path of PATHS) {
        const shift = await layoutShift(page, path, signedIn ? /Shift Checker/ : /Sign in/);
        if (shift > 0) shifts.push(`${signedIn ? "signed in" : "signed out"} ${path}: ${shift.toFixed(4)}`);
      }
      await context.close();
    }
    expect(shifts).toEqual([]);
  });
}
