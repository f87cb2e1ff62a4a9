import { expect, test } from "@playwright/test";
import { COMMUNITY_FIXTURES, seedReleaseConflict } from "../../tests/support/e2e/community-fixtures";
import { seedUser } from "../../tests/support/seed-users";

// A correction whose official base a new O*NET release reworded (the fixture page's task: the
// e2e data is 29.3, the correction was made on "28.3"): readers see it flagged; a moderator
// updates it from the queue; readers then see the updated value, unflagged.
const databaseUrl = process.env.E2E_DATABASE_URL!;

test("a moderator resolves a release conflict and readers see the result", async ({ browser, baseURL, request }) => {
  test.setTimeout(60_000);
  const { code, slug, title } = COMMUNITY_FIXTURES.release;
  const official = "Keep the loom tuners' log.";
  const community = "Keep the tuning log for every loom, by shift.";
  const updated = "Keep the tuning log for every loom and every shift.";
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", name: "Release Moderator", baseUrl: baseURL });
  await seedReleaseConflict({ databaseUrl, occupationCode: code, actorId: moderator.id, community, officialBefore: "Keep the tuners' log.", officialAfter: official });

  const reader = await request.get(`/roles/${slug}`);
  const html = await reader.text();
  expect(html).toContain(community);
  expect(html).toContain("O*NET 29.3 changed the official text; under review");

  const context = await browser.newContext();
  await context.addCookies([moderator.cookie]);
  const page = await context.newPage();
  await page.goto("/moderation");
  const item = page.getByTestId("release-conflict-item").filter({ hasText: title });
  await expect(item).toContainText("Keep the tuners' log.");
  await expect(item).toContainText(official);
  await expect(item).toContainText(community);
  await item.getByLabel("Updated value").fill(updated);
  await item.getByRole("button", { name: "Update it" }).click();
  // Resolved: the queue re-renders without it (its form and answer go with it).
  await expect(page.getByTestId("release-conflict-item").filter({ hasText: title })).toHaveCount(0);

  await expect
    .poll(async () => {
      const text = await (await request.get(`/roles/${slug}`)).text();
      return text.includes(updated) && !text.includes("changed the official text; under review");
    }, { intervals: [50, 100, 250], timeout: 10_000 })
    .toBe(true);
  await page.goto("/moderation/audit");
  // The entries, not the action filter's option of the same name.
  await expect(page.locator("main table").getByText("release-conflict.update").first()).toBeVisible();
  await context.close();
});
