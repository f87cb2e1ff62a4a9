import { expect, test } from "@playwright/test";
import { COMMUNITY_FIXTURES, seedCorrection } from "../../tests/support/e2e/community-fixtures";
import { seedUser } from "../../tests/support/seed-users";

// On an occupation of its own (tests/support/e2e/community-fixtures.ts), which no other spec writes to.
const databaseUrl = process.env.E2E_DATABASE_URL!;

test("a submitter sees the expected wait and their place; the moderator sees the old item escalated first", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const { code, slug } = COMMUNITY_FIXTURES.queue;
  const [author, moderator, earlier] = await Promise.all([
    seedUser({ databaseUrl, name: "Quilt Author", baseUrl: baseURL }),
    seedUser({ databaseUrl, role: "MODERATOR", name: null, baseUrl: baseURL }),
    seedUser({ databaseUrl, name: "Earlier Quilter", baseUrl: baseURL }),
  ]);
  // Decisions in the last 30 days to estimate from, and an item of the author's waiting 5 days.
  for (const days of [1, 2, 3]) await seedCorrection({ databaseUrl, authorId: earlier.id, occupationCode: code, text: `Decided note ${days}.`, submittedDaysAgo: days + 1, decidedDaysAgo: days, deciderId: moderator.id });
  await seedCorrection({ databaseUrl, authorId: author.id, occupationCode: code, text: "A note waiting for five days.", submittedDaysAgo: 5 });

  const authorContext = await browser.newContext();
  await authorContext.addCookies([author.cookie]);
  const page = await authorContext.newPage();
  await page.goto(`/contribute/${slug}/correct`);
  await page.getByLabel("Your proposed value").fill("Make and mend quilts by hand and by machine in the test workshop.");
  await page.getByLabel("Why is this better? (required)").fill("Mending is half of the work.");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("status")).toContainText("Your correction is waiting for a moderator");

  await page.goto("/me/contributions");
  await expect(page.getByTestId("expected-wait")).toContainText(/Most corrections are decided within \d+ (hours?|days?) \(8 in 10 of the [\d,]+ decided in the last 30 days\)\./);
  const places = page.getByTestId("queue-place");
  await expect(places).toHaveCount(2);
  for (const place of await places.all()) await expect(place).toHaveText(/^(Next in the queue|[\d,]+ ahead of it in the queue) \([\d,]+ waiting, oldest first\)\.$/);

  // The moderator, who has no display name, sees the author's two items: the old one first, escalated.
  const moderatorContext = await browser.newContext();
  await moderatorContext.addCookies([moderator.cookie]);
  const mod = await moderatorContext.newPage();
  await mod.goto("/moderation?author=Quilt+Author&sort=family");
  await expect(mod.getByTestId("backlog-pending")).toHaveText(/^[\d,]+$/);
  await expect(mod.getByTestId("queue-showing")).toHaveText("Showing 1–2 of 2 matching the filters; page 1 of 1.");
  const rows = mod.getByTestId("queue-item");
  await expect(rows.first()).toContainText("Escalated: waiting 5 days");
  await expect(rows.nth(1)).not.toContainText("Escalated");
  // The decisions seeded above are the moderator's, under their stable label.
  await mod.goto(`/moderation/audit?occupation=${code}&action=submission.approve`);
  await expect(mod.getByTestId("audit-entry")).toHaveCount(3);
  await expect(mod.getByTestId("audit-entry").first()).toContainText(/Moderator \d+/);

  await authorContext.close();
  await moderatorContext.close();
});
