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

interface LayoutShiftEntry extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}

/** The page's layout shift on load, and what moved (element, from → to), to tell a failure's cause. */
async function layoutShift(page: Page, path: string, accountText: RegExp): Promise<{ total: number; moved: string[] }> {
  await page.goto(path);
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(accountText);
  // Entries are buffered from the start of the load; shifts right after an input do not count.
  return page.evaluate(
    () =>
      new Promise<{ total: number; moved: string[] }>((resolve) => {
        let total = 0;
        const moved: string[] = [];
        const rect = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
        const describe = (node: Node | null) =>
          node instanceof Element ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}${node.className ? `.${String(node.className).split(" ").join(".")}` : ""}` : (node?.nodeName ?? "?");
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as LayoutShiftEntry[]) {
            if (entry.hadRecentInput) continue;
            total += entry.value;
            for (const source of entry.sources) moved.push(`${describe(source.node)} ${rect(source.previousRect)} → ${rect(source.currentRect)} at ${Math.round(entry.startTime)} ms`);
          }
        }).observe({ type: "layout-shift", buffered: true });
        requestAnimationFrame(() => requestAnimationFrame(() => resolve({ total, moved })));
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
        const { total, moved } = await layoutShift(page, path, signedIn ? /Shift Checker/ : /Sign in/);
        if (total > 0) shifts.push(`${signedIn ? "signed in" : "signed out"} ${path}: ${total.toFixed(4)} (${moved.join("; ")})`);
      }
      await context.close();
    }
    expect(shifts).toEqual([]);
  });
}
