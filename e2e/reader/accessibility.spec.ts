import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { queryRows } from "../../tests/support/query-rows";
import { seedUser } from "../../tests/support/seed-users";

// axe-core on every page: no serious or critical violations (WCAG 2.x A/AA rules).
/** The interest profiler's answers in its order (R1, I1, A1, S1, E1, C1, R2, …), as its GET form sends them. */
const INTEREST_ANSWERS = new URLSearchParams(
  ["like", "like", "dislike", "unsure", "dislike", "like", "like", "unsure", "dislike", "dislike", "unsure", "dislike"].map((answer, index) => [`${"RIASEC"[index % 6]}${Math.floor(index / 6) + 1}`, answer]),
);
// WCAG 2.2 AA too: its target-size rule (touch targets of 24 px, or that much room) is one Lighthouse counts.
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const PAGES = [
  ["home", "/"],
  ["role page", "/roles/test-widget-engineers"],
  ["role page with group figures", "/roles/all-other-test-workers"],
  ["page history", "/roles/test-widget-engineers/history"],
  ["whole technology list", "/roles/test-widget-engineers/technology"],
  ["search results", "/search?q=widget"],
  ["browse", "/roles?sort=pay"],
  ["browse by interest", "/roles?interest=IR"],
  ["compare", "/compare?roles=test-widget-engineers,test-gadget-technicians"],
  ["browse with a state's pay", "/roles?sort=pay&state=CA&minPay=50000"],
  ["compare with a state's pay", "/compare?roles=test-widget-engineers,all-other-test-workers&state=CA"],
  ["earnings with a state's pay", "/earnings?roles=test-widget-engineers,test-gadget-technicians&state=CA"],
  ["earnings without careers", "/earnings"],
  ["interests", "/interests"],
  ["interest results", `/interests?${INTEREST_ANSWERS}`],
  ["earnings", "/earnings?roles=test-widget-engineers,test-gadget-technicians"],
  ["paths", "/paths"],
  ["a path", "/paths/good-pay-without-a-degree"],
  ["recent changes", "/changes"],
  ["sign-in", "/sign-in"],
  ["public API", "/api"],
  ["404", "/roles/no-such-role"],
] as const;

for (const [name, path] of PAGES) {
  test(`${name} (${path}) has no serious or critical accessibility violations`, async ({ page }) => {
    // axe walks the whole role page (a few thousand nodes): seconds on a busy 2-core machine.
    test.setTimeout(60_000);
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(" ")) }));
    expect(serious).toEqual([]);
  });
}

// Lighthouse checks a phone (412 × 823): touch targets and reflow differ from the desktop
// viewport above. Measured at once after loading, as an outside checker would, while a role
// page's off-screen sections may not be laid out yet: their stand-in height keeps their links
// from lying over the next section's (role-page.spec.ts checks it without JavaScript; a shorter
// stand-in made axe and Lighthouse find overlapping links on long real pages).
const PHONE_PAGES = ["/", "/roles/test-widget-engineers", "/roles/all-other-test-workers", "/roles/test-widget-engineers/technology", "/compare?roles=test-widget-engineers,test-gadget-technicians", "/earnings?roles=test-widget-engineers,test-gadget-technicians", "/paths/good-pay-without-a-degree"];

test.describe("at a phone's width", () => {
  test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  for (const path of PHONE_PAGES) {
    test(`${path} has no serious or critical accessibility violations`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
});

test("the header search's open suggestion list has no serious or critical violations", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  await page.getByRole("combobox", { name: "Search careers" }).fill("gadget");
  await expect(page.getByRole("listbox", { name: "Suggested careers" }).getByRole("option").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include(".site-header").analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});

test("signed-in pages (an administrator's, who sees them all) have no serious or critical accessibility violations", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const moderator = await seedUser({ databaseUrl: process.env.E2E_DATABASE_URL!, role: "ADMIN", name: "Axe Administrator", baseUrl: baseURL });
  const context = await browser.newContext();
  await context.addCookies([moderator.cookie]);
  const page = await context.newPage();
  const problems: string[] = [];
  const [user] = await queryRows<{ number: number }>(process.env.E2E_DATABASE_URL!, `SELECT number FROM "User" WHERE id = $1`, [moderator.id]);
  const signedInPages = [
    "/profile", "/me/contributions", "/me/notifications", "/me/verifications", "/me/review", "/me/watching", "/me/account",
    "/contribute/test-widget-engineers/correct", "/contribute/test-widget-engineers/narrative",
  ];
  const moderationPages = ["/moderation", "/moderation/audit", "/moderation/people", "/moderation/moderators", "/moderation/verifications", "/moderation/families", "/moderation/second-looks"];
  // The moderator's public profile and a role page are reader pages (no session read), checked here as a signed-in person sees them.
  for (const path of [...signedInPages, ...moderationPages, "/sign-in", "/sign-out", "/roles/test-widget-engineers", `/people/${user!.number}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    // The account menu (client-side) has loaded: the page as a signed-in person sees it.
    await expect(page.getByTestId("account-name")).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    for (const violation of results.violations) {
      if (violation.impact === "serious" || violation.impact === "critical") problems.push(`${path}: ${violation.id} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
    }
  }
  expect(problems).toEqual([]);
  await context.close();
});
