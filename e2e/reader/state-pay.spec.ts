import { expect, test } from "@playwright/test";

// Pay by state on the cached role page: the chooser keeps the reader's state in local storage
// (no cookie, no query string), marks its row, narrows the metro table to the state's metro
// areas, and a #pay-XX anchor opens the folded table at a state. Browse, compare and /interests
// carry the state in the address (?state=CA), so each choice is its own cacheable page.
// Fixture rows: tests/support/e2e/e2e-datasets.ts (E2E_STATE_WAGES, E2E_METRO_WAGES); national
// medians: widget $150,000, gadget and sprocket $58,240, all other (group) $45,670.

test("a reader picks a state once; the Pay section shows it on every role page, without a cookie", async ({ page, context }) => {
  await page.goto("/roles/test-widget-engineers");
  const pay = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Pay", exact: true }) });
  await expect(pay.getByRole("heading", { level: 3, name: "Pay by state" })).toBeVisible();
  const table = pay.getByRole("table", { name: /Pay by state/ });
  await expect(table).toBeHidden(); // folded: the page stays short

  // The chooser lists states by name (the table below, by median).
  await expect(pay.getByLabel("Your state").locator("option")).toHaveText(["Choose a state", "California", "Texas", "Wyoming"]);
  await pay.getByLabel("Your state").selectOption("California");
  await expect(pay.getByTestId("chosen-state-pay")).toHaveText("California: median $128,750. Its row in the table · 1 metro area in California");
  await pay.getByText(/Pay in 3 states, highest median first/).click();
  await expect(table).toBeVisible();
  const rows = table.locator("tbody tr");
  await expect(rows.locator("th")).toHaveText(["California", "Texas", "Wyoming"]);
  await expect(rows.nth(0)).toHaveAttribute("aria-current", "true");
  await expect(rows.nth(2)).toHaveText(/Wyomingnot published.*not published/);

  // Metro areas (BLS's MSA file): narrowed to California's; Wyoming's Cheyenne is hidden.
  await pay.getByText("Pay in 2 metro areas, highest median first").click();
  const metros = pay.getByRole("table", { name: /Pay by metro area/ });
  await expect(metros.locator("tbody tr:visible th")).toHaveText(["San Jose-Sunnyvale-Santa Clara, CA"]);
  await expect(metros.locator("tbody tr:visible")).toContainText("$170,000");
  await pay.getByLabel("Your state").selectOption("Wyoming");
  await expect(metros.locator("tbody tr:visible th")).toHaveText(["Cheyenne, WY"]);
  await pay.getByLabel("Your state").selectOption("California");

  // Another role page (its own cached HTML) shows the remembered state: a group figure here.
  await page.goto("/roles/all-other-test-workers");
  const otherPay = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Pay", exact: true }) });
  await expect(otherPay.getByTestId("chosen-state-pay")).toHaveText("California: median $51,000. Its row in the table");
  await expect(otherPay.getByLabel("Your state")).toHaveValue("CA");
  // "See lifetime earnings" carries the remembered state (set in the browser; the cached HTML links the national figures).
  await otherPay.getByRole("link", { name: "See lifetime earnings with pay in California" }).click();
  await expect(page).toHaveURL(/\/earnings\?roles=all-other-test-workers&state=CA$/);
  await expect(page.getByText("Pay (OEWS, California): 25th percentile")).toHaveCount(1);
  await page.goBack();
  await otherPay.getByLabel("Your state").selectOption("");
  await expect(otherPay.getByRole("link", { name: "See lifetime earnings", exact: true })).toHaveAttribute("href", "/earnings?roles=all-other-test-workers");
  // The only cookies are Auth.js' own (the header's account menu asks for the session): the choice is not one.
  expect((await context.cookies()).map((cookie) => cookie.name).filter((name) => !name.startsWith("authjs."))).toEqual([]);
});

test("a #pay-XX link opens the table at that state", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers#pay-TX");
  const row = page.locator("#pay-TX");
  await expect(row).toBeVisible();
  await expect(row).toContainText("$112,000");
});

test("browse sorts and filters by a chosen state's median, in the address", async ({ page }) => {
  await page.goto("/roles?sort=pay");
  const filters = page.getByRole("form", { name: "Filter and sort careers" });
  await filters.getByLabel("Pay in").selectOption("California");
  await filters.getByRole("button", { name: "Show careers" }).click();
  await expect(page).toHaveURL(/state=CA/);
  const table = page.getByRole("table", { name: /Careers, sorted by median pay/ });
  await expect(table.getByRole("columnheader", { name: "Median pay in California" })).toBeVisible();
  // California's figures: widget $128,750, all other its group's $51,000; gadget and sprocket have none there (a dash, never the national figure).
  await expect(table.getByRole("row").nth(1)).toContainText("Test Widget Engineers");
  await expect(table.getByRole("row").nth(1)).toContainText("$128,750");
  await expect(table.getByRole("row").nth(2)).toContainText("All Other Test Workers");
  await expect(table.getByRole("row").nth(2)).toContainText("$51,000");

  await filters.getByLabel("Minimum median pay, $ a year").fill("50000");
  await filters.getByRole("button", { name: "Show careers" }).click();
  await expect(page).toHaveURL(/minPay=50000/);
  await expect(page.getByRole("heading", { level: 2, name: "2 careers, median pay $50,000 or more in California" })).toBeVisible();
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveText([/Test Widget Engineers/, /All Other Test Workers/]);

  // The same minimum nationally: gadget and sprocket ($58,240) pass, all other ($45,670) does not.
  await filters.getByLabel("Pay in").selectOption("");
  await filters.getByRole("button", { name: "Show careers" }).click();
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveText([/Test Widget Engineers/, /Test Gadget Technicians/, /Test Sprocket Inspectors/]);
});

test("compare shows the chosen state's figures beside the national ones, and links to lifetime earnings with that state", async ({ page }) => {
  await page.goto("/compare?roles=test-widget-engineers,all-other-test-workers,test-gadget-technicians");
  await page.getByRole("form", { name: "Pay in a state" }).getByLabel("Pay in").selectOption("California");
  await page.getByRole("button", { name: "Show pay" }).click();
  await expect(page).toHaveURL(/state=CA/);
  const table = page.getByRole("table");
  await expect(table.getByRole("row", { name: /^Median pay \$/ })).toContainText("$150,000 a year");
  const california = table.getByRole("row", { name: /^Median pay in California/ });
  await expect(california.getByRole("cell")).toHaveText(["$128,750 a year", "$51,000 a yearSOC group 99-1030 figure", "Not published"]);
  // Removing a career keeps the state.
  await page.getByRole("link", { name: "Remove Test Gadget Technicians from the comparison" }).click();
  await expect(page).toHaveURL(/\/compare\?roles=test-widget-engineers,all-other-test-workers&state=CA$/);
  await page.getByRole("link", { name: /See lifetime earnings of these careers with pay in California/ }).click();
  await expect(page).toHaveURL(/\/earnings\?roles=test-widget-engineers,all-other-test-workers&state=CA$/);
  await expect(page.getByText("Pay (OEWS, California): 25th percentile")).toHaveCount(2);
});

test("the interest ranking keeps careers whose median in the chosen state reaches the minimum", async ({ page }) => {
  const answers = "R1=like&I1=like&A1=dislike&S1=unsure&E1=dislike&C1=like&R2=like&I2=unsure&A2=dislike&S2=dislike&E2=unsure&C2=dislike";
  await page.goto(`/interests?${answers}`);
  const matches = page.getByRole("table", { name: "Careers ranked by how well their interests match yours" });
  await expect(matches.getByRole("rowheader")).toHaveText(["Test Widget Engineers", "Test Gadget Technicians", "Test Sprocket Inspectors"]);
  await page.getByLabel("Pay in").selectOption("California");
  await page.getByLabel("Minimum median pay, $ a year").fill("50000");
  await page.getByRole("button", { name: "Show my interests and careers" }).click();
  await expect(page).toHaveURL(/state=CA&minPay=50000|minPay=50000.*state=CA|state=CA.*minPay=50000/);
  await expect(page.getByRole("heading", { level: 2, name: /median pay \$50,000 or more in California/ })).toBeVisible();
  await expect(matches.getByRole("rowheader")).toHaveText(["Test Widget Engineers"]);
  await expect(matches.getByRole("columnheader", { name: "Median pay in California" })).toBeVisible();
});
