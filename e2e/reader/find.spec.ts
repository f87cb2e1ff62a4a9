import { expect, test } from "@playwright/test";
import { E2E_OCCUPATION_COUNT } from "../../tests/support/e2e/e2e-datasets";

// The e2e database holds the synthetic fixture occupations with every dataset
// (tests/support/fixtures/role-fixtures.ts) plus two alternate titles for search
// (tests/support/fixtures/search-fixtures.ts: "Sprocket Fitter", "Test Sprocket Inspectors").

test("a typo in the header search still suggests the role; the keyboard picks it and opens its page", async ({ page }) => {
  await page.goto("/roles/test-gadget-technicians");
  const search = page.getByRole("combobox", { name: "Search careers" });
  await search.click();
  await search.pressSequentially("widgt enginers", { delay: 20 });
  const listbox = page.getByRole("listbox", { name: "Suggested careers" });
  await expect(listbox.getByRole("option").first()).toHaveText(/Test Widget Engineers/);
  await expect(search).toHaveAttribute("aria-expanded", "true");
  await search.press("ArrowDown");
  const first = listbox.getByRole("option").first();
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(search).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await search.press("Enter");
  await expect(page).toHaveURL(/\/roles\/test-widget-engineers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Test Widget Engineers" })).toBeVisible();
});

test("Escape closes the suggestions; Enter without a highlighted suggestion opens the search page", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  const search = page.getByRole("combobox", { name: "Search careers" });
  await search.fill("sprocket");
  await expect(page.getByRole("listbox", { name: "Suggested careers" }).getByRole("option")).toHaveCount(3);
  await search.press("Escape");
  await expect(search).toHaveAttribute("aria-expanded", "false");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=sprocket$/);
  const results = page.getByRole("listitem");
  await expect(results.first()).toContainText("Test Sprocket Inspectors");
  await expect(page.getByText("Sprocket Fitter")).toBeVisible();
});

test("search results show title, code, the alternate title that matched and median pay", async ({ page }) => {
  await page.goto("/search?q=widgeteer");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("widgeteer");
  const result = page.getByRole("listitem").filter({ hasText: "Test Widget Engineers" });
  await expect(result).toContainText("99-0001.00");
  await expect(result).toContainText("Also called: Widgeteer");
  await expect(result).toContainText("Median pay $150,000 a year");
  await page.goto(`/search?q=${"x".repeat(101)}`);
  await expect(page.locator("main").getByRole("alert")).toHaveText("Keep the search under 100 characters.");
});

test("the suggest route answers small cacheable JSON and refuses an empty query", async ({ request }) => {
  const response = await request.get("/api/search/suggest?q=gadgit");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("max-age=60");
  const body = (await response.json()) as { suggestions: { slug: string; title: string }[] };
  expect(body.suggestions[0]).toMatchObject({ slug: "test-gadget-technicians", title: "Test Gadget Technicians" });
  const empty = await request.get("/api/search/suggest?q=%20");
  expect(empty.status()).toBe(422);
});

test("browse: filter by job zone and Bright Outlook, sort by pay", async ({ page }) => {
  await page.goto("/roles");
  await expect(page.getByRole("heading", { level: 2, name: `${E2E_OCCUPATION_COUNT} careers` })).toBeVisible();
  await page.getByLabel("Bright Outlook only").check();
  await page.getByLabel("Sort by").selectOption("pay");
  await page.getByRole("button", { name: "Show careers" }).click();
  await expect(page).toHaveURL(/bright=1/);
  // Widget engineers grow 8.2 %; All Other Test Workers take their minor group's figures
  // (12,000 openings a year), as their role page does. Gadget and sprocket grow 2.5 %.
  await expect(page.getByRole("heading", { level: 2, name: "2 careers" })).toBeVisible();
  const rows = page.getByRole("table").getByRole("rowheader");
  await expect(rows).toHaveText([/Test Widget Engineers/, /All Other Test Workers/]);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("$150,000");
  await expect(page.getByRole("table").getByRole("row").nth(2)).toContainText("(SOC group 99-1030)");

  await page.getByLabel("Bright Outlook only").uncheck();
  await page.getByLabel("Job zone (preparation needed)").selectOption("2");
  await page.getByRole("button", { name: "Show careers" }).click();
  await expect(rows).toHaveText([/Test Sprocket Inspectors/]);
});

test("browse: bad parameters get a clear message, not an error page", async ({ page }) => {
  const response = await page.goto("/roles?zone=9&sort=salary&status=gone");
  expect(response?.status()).toBe(200);
  await expect(page.locator("main").getByRole("alert")).toContainText("The job zone is a number from 1 to 5.");
  await expect(page.locator("main").getByRole("alert")).toContainText("Sort by one of: title, pay, growth, openings.");
  await expect(page.locator("main").getByRole("alert")).toContainText("The status is either left (occupations no longer in O*NET) or left out.");
  await page.getByRole("link", { name: "Show all careers" }).click();
  await expect(page.getByRole("heading", { level: 2, name: `${E2E_OCCUPATION_COUNT} careers` })).toBeVisible();
});

test("home: search first, groups to browse, fastest-growing and best-paid roles", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("combobox", { name: /Find a career/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Occupations in group 99" })).toBeVisible();
  const fastest = page.locator("section", { has: page.getByRole("heading", { name: "Fastest-growing careers" }) });
  await expect(fastest.getByRole("rowheader").first()).toContainText("Test Widget Engineers");
  const bestPaid = page.locator("section", { has: page.getByRole("heading", { name: "Best-paid careers" }) });
  await expect(bestPaid.getByRole("row").nth(1)).toContainText("$150,000");
});

test("sitemap.xml lists every role page and the discovery pages with absolute URLs; robots.txt points to it", async ({ request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const slug of ["test-widget-engineers", "test-gadget-technicians", "test-sprocket-inspectors", "all-other-test-workers"]) {
    // Each role page says when it last changed (the newest import, or its last community revision).
    expect(sitemap).toMatch(new RegExp(`<loc>https?://[^<]+/roles/${slug}</loc>\\s*<lastmod>\\d{4}-\\d{2}-\\d{2}T`));
  }
  // The discovery pages too, each of which answers 200.
  for (const path of ["/interests", "/earnings", "/paths", "/paths/good-pay-without-a-degree", "/paths/fast-to-start", "/paths/growing-fast"]) {
    expect(sitemap).toMatch(new RegExp(`<loc>https?://[^<]+${path}</loc>`));
    expect((await request.get(path)).status(), path).toBe(200);
  }
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: https?:\/\/\S+\/sitemap\.xml/);
});

test("a list or view that shows a refusal in place of its content is kept out of search engines; the content is not", async ({ request }) => {
  // The robots tag of the document's head (React places a page's <meta> there).
  const robots = async (path: string) => {
    const head = (await (await request.get(path)).text()).split("</head>")[0]!;
    return /<meta name="robots" content="([^"]*)"/.exec(head)?.[1] ?? null;
  };
  const refusals = ["/roles?page=999", "/roles?group=abc", "/paths/fast-to-start?page=999", "/paths/fast-to-start?zone=9", "/earnings?roles=no-such-career", "/earnings?roles=test-widget-engineers&inflation=abc", "/interests?zone=9", "/interests?R1=maybe"];
  for (const path of refusals) expect(await robots(path), path).toContain("noindex");
  for (const path of ["/roles", "/roles?sort=pay&zone=4", "/paths/fast-to-start", "/earnings?roles=test-widget-engineers", "/interests"]) expect(await robots(path), path).toBeNull();
});
