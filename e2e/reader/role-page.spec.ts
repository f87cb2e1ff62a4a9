import { expect, test } from "@playwright/test";

// The e2e database holds the synthetic fixture occupations (tests/support/onet-fixtures.ts).

test("the home page lists every occupation with a link to its page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Careers" })).toBeVisible();
  await expect(page.getByText("4 occupations")).toBeVisible();
  await page.getByRole("link", { name: "Test Widget Engineers" }).first().click();
  await expect(page).toHaveURL(/\/roles\/test-widget-engineers$/);
});

test("an O*NET-SOC code redirects to the role's slug", async ({ page, request }) => {
  const response = await request.get("/roles/99-0001.00", { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers().location).toMatch(/\/roles\/test-widget-engineers$/);
  await page.goto("/roles/99-0001.00");
  await expect(page).toHaveURL(/\/roles\/test-widget-engineers$/);
});

test("a role page shows title, code, description, tasks and its sources", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  await expect(page.getByRole("heading", { level: 1, name: "Test Widget Engineers" })).toBeVisible();
  await expect(page.getByText("99-0001.00")).toBeVisible();
  await expect(page.getByText("Design and test widgets for the test suite.")).toBeVisible();
  const tasks = page.locator("section", { has: page.getByRole("heading", { name: "Key responsibilities" }) });
  await expect(tasks.getByRole("listitem").first()).toBeVisible();
  const sources = page.locator("section", { has: page.getByRole("heading", { name: "Sources" }) });
  await expect(sources.getByText("O*NET Database 29.3")).toBeVisible();
  await expect(sources.getByText(/CC BY 4\.0/).first()).toBeVisible();
});

test("an unknown role answers 404", async ({ request }) => {
  const response = await request.get("/roles/no-such-role");
  expect(response.status()).toBe(404);
});
