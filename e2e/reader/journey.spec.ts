import { expect, test, type Page } from "@playwright/test";

// The reader's whole journey, chained as a reader makes it: a search with a typo → the role
// page with every section → a related career → compare → the Markdown export. Reads the
// fixture occupations (tests/support/fixtures/role-fixtures.ts) and changes nothing.

const section = (page: Page, name: string) => page.locator("section", { has: page.getByRole("heading", { level: 2, name, exact: true }) });

test("search with a typo → role page with every section → related career → compare → Markdown", async ({ page }) => {
  // A typo in the header's search box, submitted as a search (Enter without a highlighted
  // suggestion; no Escape first: when the suggestions have not arrived yet, Escape clears the box).
  await page.goto("/");
  const search = page.getByRole("combobox", { name: "Search careers" }).first();
  await search.fill("widgt enginers");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=widgt\+enginers$/);
  const results = page.locator("main").getByRole("listitem");
  await expect(results.first()).toContainText("Test Widget Engineers");
  await results.first().getByRole("link", { name: "Test Widget Engineers" }).click();

  // The role page: header and quick facts, then every section with its data.
  await expect(page).toHaveURL(/\/roles\/test-widget-engineers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Test Widget Engineers" })).toBeVisible();
  await expect(page.getByText("O*NET-SOC 99-0001.00")).toBeVisible();
  const facts = page.locator(".quick-facts");
  await expect(facts.getByText("$150,000 a year")).toBeVisible();
  await expect(facts.getByText("Bachelor's degree")).toBeVisible();
  await expect(facts.getByText("Job zone 4 of 5")).toBeVisible();
  await expect(facts.getByText("+8.2%")).toBeVisible();
  await expect(facts.getByRole("definition").filter({ hasText: "task overlap, not a forecast of job loss" })).toContainText("High");

  await expect(section(page, "Overview").getByText("Source: O*NET Database, 29.3 (May 2025).")).toBeVisible();
  await expect(section(page, "Key responsibilities").getByRole("listitem").first()).toBeVisible();
  const inside = section(page, "Inside this career");
  await expect(inside.getByRole("link", { name: "Share what the job is really like" })).toBeVisible();
  const pay = section(page, "Pay");
  await expect(pay.getByRole("img", { name: /Pay percentiles, annual/ })).toBeVisible();
  await expect(pay.getByRole("row", { name: /^Median/ })).toContainText("$150,000");
  const outlook = section(page, "Outlook");
  await expect(outlook.getByText("Bright Outlook: yes.")).toBeVisible();
  await expect(outlook.getByText(/or more over the projections period\) or to have 100,000 or more job openings/)).toBeVisible();
  await expect(section(page, "Education and training").getByText("Job Zone 4: Test Preparation")).toBeVisible();
  const ai = section(page, "AI exposure");
  await expect(ai.getByText(/^High: much of what this work involves overlaps/)).toBeVisible();
  await ai.getByText(/indices behind this level/).click();
  await expect(ai.getByRole("heading", { name: /LLM exposure γ/ })).toBeVisible();
  const ratings = section(page, "Skills, knowledge and abilities");
  await expect(ratings.getByText("Reading Comprehension").first()).toBeVisible();
  await expect(section(page, "Technology and tools").getByRole("listitem").filter({ hasText: "Widget CAD" })).toContainText("Hot");
  await expect(section(page, "Sources").getByText(/Data as of \d{4}-\d{2}-\d{2}/)).toBeVisible();

  // A related career, then compare it with the first.
  await section(page, "Related careers").getByRole("link", { name: "Test Gadget Technicians" }).click();
  await expect(page).toHaveURL(/\/roles\/test-gadget-technicians$/);
  await expect(page.getByRole("heading", { level: 1, name: "Test Gadget Technicians" })).toBeVisible();
  await page.getByRole("link", { name: "compare with other careers" }).click();
  await expect(page).toHaveURL(/\/compare\?roles=test-gadget-technicians$/);
  // The compare page says how to add careers: in the address.
  await page.goto("/compare?roles=test-gadget-technicians,test-widget-engineers");
  const table = page.locator("table.compare-table");
  await expect(table.getByRole("columnheader", { name: /Test Gadget Technicians/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /Test Widget Engineers/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /Median pay/ })).toContainText("$150,000");
  await table.getByRole("link", { name: "Test Widget Engineers", exact: true }).click();

  // Back on the role page: its Markdown export holds the same page.
  await expect(page).toHaveURL(/\/roles\/test-widget-engineers$/);
  const markdownHref = await page.getByRole("link", { name: "Markdown", exact: true }).getAttribute("href");
  expect(markdownHref).toBe("/roles/test-widget-engineers.md");
  const markdown = await page.request.get(markdownHref!);
  expect(markdown.headers()["content-type"]).toContain("text/markdown");
  const body = await markdown.text();
  expect(body.startsWith("# Test Widget Engineers\n")).toBe(true);
  for (const name of ["Overview", "Key responsibilities", "Pay", "Outlook", "Related careers", "Sources"]) expect(body).toContain(`## ${name}\n`);
});
