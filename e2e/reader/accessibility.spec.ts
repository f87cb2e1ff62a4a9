import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { queryRows } from "../../tests/support/query-rows";
import { seedUser } from "../../tests/support/seed-users";

// axe-core on the reader pages: no serious or critical violations (WCAG 2.x A/AA rules).
const PAGES = [
  ["home", "/"],
  ["role page", "/roles/test-widget-engineers"],
  ["search results", "/search?q=widget"],
  ["browse", "/roles?sort=pay"],
  ["compare", "/compare?roles=test-widget-engineers,test-gadget-technicians"],
  ["browse with a state's pay", "/roles?sort=pay&state=CA&minPay=50000"],
  ["compare with a state's pay", "/compare?roles=test-widget-engineers,all-other-test-workers&state=CA"],
  ["earnings with a state's pay", "/earnings?roles=test-widget-engineers,test-gadget-technicians&state=CA"],
  ["earnings without careers", "/earnings"],
] as const;

for (const [name, path] of PAGES) {
  test(`${name} (${path}) has no serious or critical accessibility violations`, async ({ page }) => {
    // axe walks the whole role page (a few thousand nodes): seconds on a busy 2-core machine.
    test.setTimeout(60_000);
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(" ")) }));
    expect(serious).toEqual([]);
  });
}

test("the header search's open suggestion list has no serious or critical violations", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  await page.getByRole("combobox", { name: "Search careers" }).fill("gadget");
  await expect(page.getByRole("listbox", { name: "Suggested careers" }).getByRole("option").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include(".site-header").analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("signed-in pages (a moderator's) have no serious or critical accessibility violations", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const moderator = await seedUser({ databaseUrl: process.env.E2E_DATABASE_URL!, role: "MODERATOR", name: "Axe Moderator", baseUrl: baseURL });
  const context = await browser.newContext();
  await context.addCookies([moderator.cookie]);
  const page = await context.newPage();
  const problems: string[] = [];
  const [user] = await queryRows<{ number: number }>(process.env.E2E_DATABASE_URL!, `SELECT number FROM "User" WHERE id = $1`, [moderator.id]);
  const signedInPages = ["/profile", "/me/contributions", "/me/notifications", "/me/verifications", "/me/review", "/me/watching", "/contribute/test-widget-engineers/correct", "/contribute/test-widget-engineers/narrative"];
  // The moderator's public profile is a reader page (no session read); it is checked here for the number.
  for (const path of [...signedInPages, "/moderation", "/moderation/audit", "/moderation/verifications", "/moderation/families", "/moderation/second-looks", `/people/${user!.number}`]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    for (const violation of results.violations) {
      if (violation.impact === "serious" || violation.impact === "critical") problems.push(`${path}: ${violation.id} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
    }
  }
  expect(problems).toEqual([]);
  await context.close();
});
