import { expect, type Locator, type Page, test } from "@playwright/test";

// A reader with a keyboard only: header search → the role → Pay through the "On this page"
// menu → a related career → add it to compare with the search box → print preview shows no
// navigation.

/** Presses Tab until `target` has the focus, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let n = 0; n < max; n++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target} not reached with ${max} presses of Tab`);
}
const section = (page: Page, name: string) => page.locator("section", { has: page.getByRole("heading", { level: 2, name, exact: true }) });

test("keyboard journey: search, Pay from the section menu, a related career, compare, print", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/");
  const search = page.getByRole("combobox", { name: "Search careers" }).first();
  await search.focus();
  await page.keyboard.type("widget engineer");
  await expect(page.getByRole("option", { name: /Test Widget Engineers/ }).first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/roles\/test-widget-engineers$/);

  // Tab from the top of the page reaches "Pay" in the section menu; Enter goes there, and the next Tab continues inside Pay.
  await tabTo(page, page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Pay", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#pay$/);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("section")?.querySelector("h2")?.textContent)).toBe("Pay");

  // On to a related career.
  await tabTo(page, section(page, "Related careers").getByRole("link", { name: "Test Gadget Technicians" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/roles\/test-gadget-technicians$/);

  // Compare it, then add the first career back with the search box.
  await tabTo(page, page.getByRole("link", { name: "compare with other careers" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/compare\?roles=test-gadget-technicians$/);
  await tabTo(page, page.locator(".compare-add").getByRole("combobox"));
  await page.keyboard.type("widget engineer");
  await expect(page.locator(".compare-add").getByRole("option", { name: /Test Widget Engineers/ }).first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/compare\?roles=test-gadget-technicians,test-widget-engineers$/);
  const table = page.locator("table.compare-table");
  await expect(table.getByRole("columnheader", { name: /Test Widget Engineers/ })).toBeVisible();
  // And remove it again.
  await table.getByRole("link", { name: "Remove Test Widget Engineers from the comparison" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/compare\?roles=test-gadget-technicians$/);

  // Printed, the role page has no header, menus or footer.
  await page.goto("/roles/test-widget-engineers");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1, name: "Test Widget Engineers" })).toBeVisible();
  for (const hidden of [page.locator(".site-header"), page.locator(".site-footer"), page.getByRole("navigation", { name: "On this page" }), page.getByRole("navigation", { name: "Breadcrumb" })]) {
    await expect(hidden).toBeHidden();
  }
});

test("without JavaScript, the compare page adds the best match of what was typed", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/compare?roles=test-gadget-technicians");
  await page.locator(".compare-add").getByRole("combobox").fill("widget engineer");
  await page.locator(".compare-add").getByRole("button", { name: "Add" }).click();
  await expect(page).toHaveURL(/\/compare\?roles=test-gadget-technicians,test-widget-engineers$/);
  await context.close();
});
