import { expect, test } from "@playwright/test";
import { COMMUNITY_FIXTURES, seedCorrection, seedSecondLook } from "../../tests/support/e2e/community-fixtures";
import { seedUser } from "../../tests/support/seed-users";

// A correction of a figure field (the note on pay or outlook) needs two moderators: the first
// approval shows "1 of 2" to moderators and to the author and leaves the page unchanged; the
// first approver cannot give the second; another moderator's approval publishes it. A third
// moderator's second look finds a problem and undoes it. On the fixture page "Test Dye Mixers",
// which no other spec writes to.

const databaseUrl = process.env.E2E_DATABASE_URL!;
const { code, slug } = COMMUNITY_FIXTURES.twoPerson;
const ROLE = `/roles/${slug}`;
const NOTE = "Pay rises with each colour-matching certificate; night shifts pay a fifth more.";

test("a figure correction needs two moderators: 1 of 2 first, the page unchanged; the second publishes; a second look undoes it", async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const author = await seedUser({ databaseUrl, role: "CONTRIBUTOR", name: "Dana Dyer", baseUrl: baseURL });
  const first = await seedUser({ databaseUrl, role: "MODERATOR", name: "Avery First", baseUrl: baseURL });
  const second = await seedUser({ databaseUrl, role: "MODERATOR", name: "Blake Second", baseUrl: baseURL });
  const submissionId = await seedCorrection({ databaseUrl, authorId: author.id, occupationCode: code, text: NOTE, submittedDaysAgo: 0 });
  const pageFor = async (cookie: typeof first.cookie) => {
    const context = await browser.newContext();
    await context.addCookies([cookie]);
    return context.newPage();
  };

  expect((await request.get(ROLE)).status()).toBe(200);

  // The first moderator approves: 1 of 2, nothing published.
  const firstPage = await pageFor(first.cookie);
  await firstPage.goto(`/moderation/${submissionId}`);
  await expect(firstPage.getByTestId("approvals")).toContainText("Approvals: 0 of 2");
  await firstPage.getByRole("button", { name: "Approve" }).click();
  // Generous waits for the server's answers: this machine is shared and often loaded.
  await expect(firstPage.getByRole("status")).toContainText("Approved: 1 of 2. A second moderator must approve before it publishes; the page is unchanged.", { timeout: 30_000 });
  await expect(firstPage.getByTestId("approvals")).toContainText("Approvals: 1 of 2", { timeout: 30_000 });
  await expect(firstPage.getByTestId("approvals")).toContainText("First approval by you");
  await firstPage.goto(`/moderation?occupation=${code}`);
  await expect(firstPage.getByTestId("queue-approvals")).toHaveText("1 of 2 approvals (first: you)");

  // The first approver cannot give the second approval.
  await firstPage.goto(`/moderation/${submissionId}`);
  await firstPage.getByRole("button", { name: "Approve" }).click();
  await expect(firstPage.getByRole("form", { name: "Approve" }).getByRole("alert")).toContainText("You gave the first approval. A second moderator (not the author, not you) must approve before it publishes.", { timeout: 30_000 });

  // The page is unchanged, and the author sees where it stands.
  expect(await (await request.get(ROLE)).text()).not.toContain(NOTE);
  const authorPage = await pageFor(author.cookie);
  await authorPage.goto("/me/contributions");
  await expect(authorPage.getByTestId("approvals")).toContainText("Approvals: 1 of 2.");

  // The second moderator sees 1 of 2 with the first approver's name, and publishes.
  const secondPage = await pageFor(second.cookie);
  await secondPage.goto(`/moderation?occupation=${code}`);
  await expect(secondPage.getByTestId("queue-approvals")).toHaveText("1 of 2 approvals (first: Avery First)");
  await secondPage.goto(`/moderation/${submissionId}`);
  await expect(secondPage.getByTestId("approvals")).toContainText("First approval by Avery First");
  await secondPage.getByRole("button", { name: "Approve" }).click();
  // The review page re-renders as decided (the decision forms, and their answer, are gone).
  await expect(secondPage.getByText("Decided by Blake Second.")).toBeVisible({ timeout: 30_000 });
  await expect(secondPage.getByTestId("approvals")).toContainText("Approvals: 2 of 2");
  await expect(secondPage.getByTestId("approvals")).toContainText("First approval by Avery First");

  // The page shows it.
  await expect.poll(async () => (await (await request.get(ROLE)).text()).includes(NOTE), { intervals: [100, 250, 500], timeout: 15_000 }).toBe(true);
  await authorPage.reload();
  await expect(authorPage.getByTestId("approvals")).toHaveCount(0);

  // Second looks are for moderators and admins; the moderators' figures for admins only.
  expect((await authorPage.goto("/moderation/second-looks"))?.status()).toBe(404);
  expect((await secondPage.goto("/moderation/second-looks"))?.status()).toBe(200);
  await expect(secondPage.getByRole("heading", { level: 1, name: "Second looks" })).toBeVisible();
  expect((await secondPage.goto("/moderation/moderators"))?.status()).toBe(404);
  const admin = await seedUser({ databaseUrl, role: "ADMIN", name: "Figures Admin", baseUrl: baseURL });
  const adminPage = await pageFor(admin.cookie);
  expect((await adminPage.goto("/moderation/moderators"))?.status()).toBe(200);
  const firstRow = adminPage.getByTestId("moderator-figures").filter({ hasText: "Avery First" });
  // The moderator's name is the row header; the fifth figure is "First approvals (figures)".
  await expect(firstRow.getByRole("cell").nth(5)).toHaveText("1", { useInnerText: true });

  // A second look at that approval, asked of a third moderator: from the change's review page to
  // its row in the list (filtered to this change, so it is there however many looks are newer).
  const third = await seedUser({ databaseUrl, role: "MODERATOR", name: "Casey Third", baseUrl: baseURL });
  const lookId = await seedSecondLook({ databaseUrl, submissionId, assigneeId: third.id });
  const thirdPage = await pageFor(third.cookie);
  await thirdPage.goto(`/moderation/${submissionId}`);
  await thirdPage.getByTestId("review-second-looks").getByRole("link", { name: "Second look" }).click();
  await expect(thirdPage).toHaveURL(new RegExp(`submission=${submissionId}#second-look-${lookId}$`));
  const look = thirdPage.locator(`#second-look-${lookId}`);
  await expect(look).toBeInViewport();
  await expect(thirdPage.getByTestId("second-looks-of-change")).toBeVisible();
  await look.getByRole("radio", { name: "Problem" }).check();
  await look.getByLabel("Note (required for a problem)").fill("No employer publishes a night-shift rate this high.");
  await look.getByRole("button", { name: "Record" }).click();
  await expect(look.locator(".status")).toHaveText("Problem", { timeout: 30_000 });
  await look.getByRole("button", { name: "Undo this change" }).click();
  await expect(thirdPage.getByRole("status")).toContainText("Rolled back", { timeout: 30_000 });
  await expect.poll(async () => (await (await request.get(ROLE)).text()).includes(NOTE), { intervals: [100, 250, 500], timeout: 15_000 }).toBe(false);
});
