import { expect, test } from "@playwright/test";
import { COMMUNITY_FIXTURES } from "../../tests/support/e2e/community-fixtures";
import { seedUser } from "../../tests/support/seed-users";

// On an occupation of its own (tests/support/e2e/community-fixtures.ts), which no other spec writes to.
const databaseUrl = process.env.E2E_DATABASE_URL!;

test("a moderator asks for changes; the author edits and resubmits, and it is back in the queue", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const { code, slug } = COMMUNITY_FIXTURES.resubmit;
  const [author, moderator] = await Promise.all([
    seedUser({ databaseUrl, name: "Loom Author", baseUrl: baseURL }),
    seedUser({ databaseUrl, role: "MODERATOR", name: "Loom Moderator", baseUrl: baseURL }),
  ]);
  const authorContext = await browser.newContext();
  await authorContext.addCookies([author.cookie]);
  const page = await authorContext.newPage();
  await page.goto(`/contribute/${slug}/correct`);
  await page.getByLabel("Your proposed value").fill("Run and thread looms in the test workshop.");
  await page.getByLabel("Why is this better? (required)").fill("Threading takes most of the day.");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("status")).toContainText("Your correction is waiting for a moderator");

  const moderatorContext = await browser.newContext();
  await moderatorContext.addCookies([moderator.cookie]);
  const mod = await moderatorContext.newPage();
  await mod.goto(`/moderation?occupation=${code}`);
  await mod.getByRole("link", { name: "Description (change)" }).click();
  await mod.getByLabel("What should the author change?").fill("Say which kinds of looms: hand looms or power looms?");
  await mod.getByRole("button", { name: "Request changes" }).click();
  // The review re-renders as decided (the decision forms are gone).
  await expect(mod.getByText("Decided by Loom Moderator: Say which kinds of looms: hand looms or power looms?")).toBeVisible();

  // The author sees the note, edits and resubmits.
  await page.goto("/me/contributions");
  const item = page.getByRole("row").filter({ hasText: "Say which kinds of looms" });
  await expect(item).toContainText("Changes requested");
  await item.getByRole("link", { name: "Edit and resubmit" }).click();
  await page.getByLabel("Your proposed value").fill("Run, thread and repair power looms in the test workshop.");
  await page.getByRole("button", { name: "Resubmit" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent back to the moderators. Thank you!" }).first()).toBeVisible();
  await page.goto("/me/contributions");
  await expect(page.getByText("Waiting for review")).toBeVisible();

  // Back in the queue with the new value.
  await mod.goto(`/moderation?occupation=${code}`);
  await expect(mod.getByTestId("queue-counts")).toContainText("1 match the filters");
  await mod.getByRole("link", { name: "Description (change)" }).click();
  await expect(mod.getByText("Run, thread and repair power looms in the test workshop.").first()).toBeVisible();

  await authorContext.close();
  await moderatorContext.close();
});
