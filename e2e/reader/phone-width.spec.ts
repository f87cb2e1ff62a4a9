import { expect, type Page, test } from "@playwright/test";
import { seedUser } from "../../tests/support/seed-users";

// No page scrolls sideways on a 390 px phone: the document is never wider than the
// viewport. Reader pages, the 404, and the signed-in pages of a moderator (who sees every
// signed-in page).
const READER_PAGES = [
  "/",
  "/roles/test-widget-engineers",
  "/roles/all-other-test-workers",
  "/roles/test-widget-engineers/history",
  "/search?q=widget",
  "/roles?sort=pay",
  "/compare?roles=test-widget-engineers,test-gadget-technicians,all-other-test-workers",
  "/compare?roles=test-widget-engineers,test-gadget-technicians,all-other-test-workers&state=CA",
  "/roles?sort=pay&state=CA&minPay=50000",
  "/earnings?roles=test-widget-engineers,test-gadget-technicians&state=CA",
  "/earnings",
  "/interests?state=CA&minPay=50000",
  "/changes",
  "/sign-in",
  "/roles/no-such-role",
];
const SIGNED_IN_PAGES = [
  "/profile",
  "/me/contributions",
  "/me/notifications",
  "/me/watching",
  "/me/verifications",
  "/me/review",
  "/contribute/test-widget-engineers/correct",
  "/contribute/test-widget-engineers/narrative",
  "/moderation",
  "/moderation/audit",
  "/moderation/families",
  "/moderation/verifications",
  "/moderation/second-looks",
];

test.use({ viewport: { width: 390, height: 844 } });

async function widerThanViewport(page: Page, paths: readonly string[]): Promise<string[]> {
  const wide: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    if (scrollWidth > clientWidth) wide.push(`${path}: ${scrollWidth} px wide in a ${clientWidth} px viewport`);
  }
  return wide;
}

test("reader pages fit a 390 px phone without scrolling sideways", async ({ page }) => {
  test.setTimeout(60_000);
  expect(await widerThanViewport(page, READER_PAGES)).toEqual([]);
});

test("signed-in pages fit a 390 px phone without scrolling sideways", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const moderator = await seedUser({ databaseUrl: process.env.E2E_DATABASE_URL!, role: "MODERATOR", name: "Phone Width Moderator", baseUrl: baseURL });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addCookies([moderator.cookie]);
  const page = await context.newPage();
  expect(await widerThanViewport(page, SIGNED_IN_PAGES)).toEqual([]);
  await context.close();
});
