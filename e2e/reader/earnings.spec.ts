import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// Earnings and paths on the e2e data (tests/support/fixtures/role-fixtures.ts): widget
// engineers (bachelor's, OEWS median $150,000), gadget technicians (high school, SOC group
// median $58,240) and the NCES 2019-20 tuition table (public 4-year $9,349.17).

const VIEW = "/earnings?roles=test-widget-engineers,test-gadget-technicians";

/** Presses Tab until `selector` has the focus, as a keyboard user would; fails after 60 presses. */
async function tabTo(page: Page, selector: string) {
  for (let presses = 0; presses < 60; presses++) {
    if (await page.locator(selector).evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Picks a career in the page's career box (the site's search combobox) with the keyboard: type, ↓ to the first suggestion, Enter. */
async function addCareerByKeyboard(page: Page, label: string, words: string, title: string) {
  const box = page.locator("main").getByRole("combobox", { name: label });
  await tabTo(page, `main input[role="combobox"]`);
  await expect(box).toBeFocused();
  await page.keyboard.type(words);
  const first = page.locator("main").getByRole("listbox", { name: "Suggested careers" }).getByRole("option").first();
  await expect(first).toContainText(title);
  await page.keyboard.press("ArrowDown");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
}

test("earnings for two careers: a chart readable at 390 px with a table alternative and break-even ages; no serious axe violations", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(VIEW);
  const chart = page.getByRole("img", { name: "Cumulative earnings minus education cost by age" });
  await expect(chart).toBeVisible();
  const box = await chart.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  expect(box!.width).toBeGreaterThan(300);
  // Every label stays legible: its font size (in view-box units) times the scale the SVG is drawn at is 12 px or more.
  const labels = await chart.evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
    return [...svg.querySelectorAll("text")].map((text) => ({ label: text.textContent, pixels: Math.round(parseFloat(getComputedStyle(text).fontSize) * scale * 10) / 10 }));
  });
  expect(labels.length).toBeGreaterThan(8);
  expect(labels.filter((label) => label.pixels < 12)).toEqual([]);
  // No two labels overlap.
  const overlaps = await chart.evaluate((svg) => {
    const boxes = [...svg.querySelectorAll("text")].map((text) => ({ label: text.textContent, box: text.getBoundingClientRect() }));
    return boxes.flatMap((a, i) =>
      boxes.slice(i + 1).filter((b) => a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom).map((b) => `${a.label} / ${b.label}`),
    );
  });
  expect(overlaps).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // 4 × 9,349.17 = 37,396.68 of tuition before work at 22; then $150,000 a year.
  const table = page.getByRole("table", { name: "Cumulative earnings minus education cost, by age" });
  await expect(table.getByRole("row", { name: /^22 / })).toContainText("$112,603");
  await expect(table.getByRole("row", { name: /^65 / })).toContainText("$6,562,603");
  await expect(page.getByText("earnings have paid back the education cost by age 22.")).toBeVisible();
  await expect(page.getByText("no education cost to pay back: ahead from the first year of work.")).toBeVisible();

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }))).toEqual([]);
});

test("the form changes the assumptions in a shareable address, and the same view is JSON", async ({ page, request }) => {
  await page.goto(VIEW);
  await page.getByLabel("College sector (NCES tuition)").selectOption("private-nonprofit");
  await page.getByLabel("25th to 75th percentile").check();
  await page.getByLabel("Discount rate, % a year").fill("3");
  await page.getByRole("button", { name: "Show earnings" }).click();
  await expect(page).toHaveURL(/sector=private-nonprofit/);
  await expect(page).toHaveURL(/path=range/);
  await expect(page).toHaveURL(/discount=3/);
  await expect(page.getByText("$35,807 a year × 4 (Private nonprofit, 4-year)")).toBeVisible();

  const json = await request.get("/api/earnings?roles=test-widget-engineers&inflation=0&discount=0");
  expect(json.status()).toBe(200);
  const body = await json.json();
  expect(body.careers[0]).toMatchObject({ slug: "test-widget-engineers", studyYears: 4, workStartAge: 22, costPerYear: 9349.17, breakEven: { kind: "age", age: 22 } });
  expect(body.careers[0].years.at(-1)).toEqual({ age: 65, pay: 150000, cost: 0, cumulative: 6562603 });
  expect((await request.get("/api/earnings?roles=no-such-career")).status()).toBe(404);
  expect((await request.get("/api/earnings?roles=a&discount=99")).status()).toBe(422);
});

test("paths: linked from home, each states its rule", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Fast to start" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fast to start" })).toBeVisible();
  await expect(page.locator("p", { hasText: "Rule:" })).toContainText("high school diploma or less");
  // Gadget technicians and sprocket inspectors: high school, no experience, short-term training (their SOC group's BLS row).
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveText([/Test Gadget Technicians/, /Test Sprocket Inspectors/]);
});

test("keyboard only: careers picked with the search combobox, then a state's pay; the address carries every choice", async ({ page }) => {
  await page.goto("/earnings");
  await addCareerByKeyboard(page, "Choose a career", "widget", "Test Widget Engineers");
  await expect(page).toHaveURL(/\/earnings\?roles=test-widget-engineers$/);
  await addCareerByKeyboard(page, "Add a career", "gadget tech", "Test Gadget Technicians");
  await expect(page).toHaveURL(/\/earnings\?roles=test-widget-engineers,test-gadget-technicians$/);
  await expect(page.getByRole("table", { name: "Cumulative earnings minus education cost, by age" }).getByRole("row", { name: /^65 / })).toContainText("$6,562,603");

  // Pay in California, chosen from the keyboard: widget engineers' median there is $128,750:
  // 44 × 128,750 − 4 × 9,349.17 = 5,627,603.32. California publishes no figure for gadget technicians.
  await tabTo(page, "#earnings-state");
  await page.keyboard.press("ArrowDown"); // the first state by name: California
  await expect(page.locator("#earnings-state")).toHaveValue("CA");
  await tabTo(page, 'button:text("Show earnings")');
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/state=CA/);
  await expect(page.getByRole("table", { name: "Cumulative earnings minus education cost, by age" }).getByRole("row", { name: /^65 / })).toContainText("$5,627,603");
  await expect(page.getByText("BLS publishes no median pay in California for Test Gadget Technicians, so it is left out of the chart.")).toBeVisible();
  await expect(page.getByText("Pay (OEWS, California): 25th percentile")).toBeVisible();

  // Removing a career keeps the state; the JSON of the view says whose pay it used.
  await page.getByRole("link", { name: "Remove Test Gadget Technicians from the earnings view" }).click();
  await expect(page).toHaveURL(/state=CA/);
  await expect(page).not.toHaveURL(/test-gadget-technicians/);
  const json = await page.request.get("/api/earnings?roles=test-widget-engineers&state=CA");
  expect(json.status()).toBe(200);
  expect(await json.json()).toMatchObject({ query: { state: "CA" }, payArea: { state: "CA", name: "California", referencePeriod: "May 2024" } });
  expect((await page.request.get("/api/earnings?roles=test-widget-engineers&state=ZZ")).status()).toBe(404);
  expect((await page.request.get("/api/earnings?roles=test-widget-engineers&state=California")).status()).toBe(422);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the career box adds the best match of the words typed, keeping the other choices", async ({ page }) => {
    await page.goto("/earnings?roles=test-gadget-technicians&state=CA");
    await page.locator("main").getByRole("combobox", { name: "Add a career" }).fill("widget engineer");
    await page.locator("main").getByRole("button", { name: "Add" }).click();
    await expect(page).toHaveURL(/\/earnings\?roles=test-gadget-technicians,test-widget-engineers&state=CA$/);
    await expect(page).toHaveURL(/state=CA/);
  });
});

test("the role page links to its lifetime earnings", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  await page.getByRole("link", { name: "See lifetime earnings" }).click();
  await expect(page).toHaveURL(/\/earnings\?roles=test-widget-engineers$/);
  await expect(page.getByRole("heading", { level: 3, name: "Test Widget Engineers" })).toBeVisible();
});
