import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// Earnings and paths on the e2e data (tests/support/fixtures/role-fixtures.ts): widget
// engineers (bachelor's, OEWS median $150,000), gadget technicians (high school, SOC group
// median $58,240) and the NCES 2019-20 tuition table (public 4-year $9,349.17).

const VIEW = "/earnings?roles=test-widget-engineers,test-gadget-technicians";

test("earnings for two careers: a chart readable at 390 px with a table alternative and break-even ages; no serious axe violations", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(VIEW);
  const chart = page.getByRole("img", { name: "Cumulative earnings minus education cost by age" });
  await expect(chart).toBeVisible();
  const box = await chart.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  expect(box!.width).toBeGreaterThan(300);
  // The axis labels stay legible: 11 units of a 360-unit view box drawn about 350 px wide.
  const fontPixels = await chart.evaluate((svg) => (11 * svg.getBoundingClientRect().width) / 360);
  expect(fontPixels).toBeGreaterThanOrEqual(10);
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
