import { expect, test } from "@playwright/test";

// Pay by state on the cached role page: the chooser keeps the reader's state in local storage
// (no cookie, no query string), marks its row, and a #pay-XX anchor opens the folded table at a state.
// Fixture rows: tests/support/e2e/e2e-datasets.ts (E2E_STATE_WAGES).

test("a reader picks a state once; the Pay section shows it on every role page, without a cookie", async ({ page, context }) => {
  await page.goto("/roles/test-widget-engineers");
  const pay = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Pay", exact: true }) });
  await expect(pay.getByRole("heading", { level: 3, name: "Pay by state" })).toBeVisible();
  const table = pay.getByRole("table", { name: /Pay by state/ });
  await expect(table).toBeHidden(); // folded: the page stays short

  await pay.getByLabel("Your state").selectOption("California");
  await expect(pay.getByTestId("chosen-state-pay")).toHaveText("California: median $128,750. Its row in the table");
  await pay.getByText(/Pay in 3 states, highest median first/).click();
  await expect(table).toBeVisible();
  const rows = table.locator("tbody tr");
  await expect(rows.locator("th")).toHaveText(["California", "Texas", "Wyoming"]);
  await expect(rows.nth(0)).toHaveAttribute("aria-current", "true");
  await expect(rows.nth(2)).toHaveText(/Wyomingnot published.*not published/);

  // Another role page (its own cached HTML) shows the remembered state: a group figure here.
  await page.goto("/roles/all-other-test-workers");
  const otherPay = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Pay", exact: true }) });
  await expect(otherPay.getByTestId("chosen-state-pay")).toHaveText("California: median $51,000. Its row in the table");
  await expect(otherPay.getByLabel("Your state")).toHaveValue("CA");
  // The only cookies are Auth.js' own (the header's account menu asks for the session): the choice is not one.
  expect((await context.cookies()).map((cookie) => cookie.name).filter((name) => !name.startsWith("authjs."))).toEqual([]);
});

test("a #pay-XX link opens the table at that state", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers#pay-TX");
  const row = page.locator("#pay-TX");
  await expect(row).toBeVisible();
  await expect(row).toContainText("$112,000");
});
