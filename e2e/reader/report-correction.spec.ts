import { expect, type Browser, test } from "@playwright/test";
import { REPORT_CORRECTION_FIXTURE } from "../../tests/support/e2e/e2e-datasets";
import { seedUser } from "../../tests/support/seed-users";

// Corrections can be reported too: a signed-in reader reports an approved list item (a
// technology skill a contributor added) with a reason, from the "Report" link beside it; a
// moderator finds it in the queue, reads who reported it and why, and keeps it on the page;
// reported again, they take it off the page for review. The page is this spec's own
// (REPORT_CORRECTION_FIXTURE).
const databaseUrl = process.env.E2E_DATABASE_URL!;
const { code, slug, technologySkills } = REPORT_CORRECTION_FIXTURE;
const ADDED = "Bell Tuning Studio";

type SeededUser = Awaited<ReturnType<typeof seedUser>>;

async function signedIn(browser: Browser, user: SeededUser) {
  const context = await browser.newContext();
  await context.addCookies([user.cookie]);
  return { context, page: await context.newPage() };
}

async function reportItem(browser: Browser, user: SeededUser, reason: string) {
  const { context, page } = await signedIn(browser, user);
  await page.goto(`/roles/${slug}`);
  const item = page.getByTestId("technology-skills").getByRole("listitem").filter({ hasText: ADDED });
  await expect(item.getByTestId("community-item")).toHaveText("Added by practitioners");
  await item.getByRole("link", { name: "Report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Report a correction" })).toBeVisible();
  await page.getByLabel("What is wrong?").fill(reason);
  await page.getByRole("button", { name: "Report" }).click();
  await expect(page.getByRole("status")).toContainText(/in the moderators' queue/);
  await context.close();
}

/** What a reader fetches of the page (the cached copy once it is fresh). */
const pageHas = async (request: Parameters<Parameters<typeof test>[2]>[0]["request"], text: string) => (await (await request.get(`/roles/${slug}`)).text()).includes(text);

test("a signed-in reader reports an approved list item with a reason; a moderator keeps it, then takes it off the page when reported again", async ({ browser, baseURL, request }) => {
  test.setTimeout(150_000);
  const [author, moderator, reader, secondReader] = await Promise.all([
    seedUser({ databaseUrl, name: "Bell Author", baseUrl: baseURL }),
    seedUser({ databaseUrl, role: "MODERATOR", name: "Bell Moderator", baseUrl: baseURL }),
    seedUser({ databaseUrl, name: "Bell Reader", baseUrl: baseURL }),
    seedUser({ databaseUrl, name: "Bell Second Reader", baseUrl: baseURL }),
  ]);

  // A contributor adds one technology skill; a moderator approves it.
  const { page: writer } = await signedIn(browser, author);
  await writer.goto(`/contribute/${slug}/correct`);
  await writer.getByLabel("What do you want to correct?").selectOption("TECHNOLOGY_SKILLS");
  await writer.getByLabel("Add, reword or remove an item").selectOption("ADD");
  await writer.getByLabel("The item to add").fill(ADDED);
  await writer.getByLabel("Why is this better? (required)").fill("Every foundry I know tunes its bells with this software now.");
  await writer.getByRole("button", { name: "Send for review" }).click();
  await expect(writer.getByRole("status")).toContainText("Your correction is waiting for a moderator");

  const { context: moderatorContext, page: mod } = await signedIn(browser, moderator);
  await mod.goto(`/moderation?occupation=${code}`);
  await mod.getByRole("row").filter({ hasText: "Bell Author" }).getByRole("link", { name: "Technology skills (add)" }).click();
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText("Decided by Bell Moderator.")).toBeVisible();
  await expect.poll(() => pageHas(request, ADDED), { intervals: [100, 250, 500], timeout: 15_000 }).toBe(true);

  // The reader reports it: queued, and it stays on the page with the official items.
  await reportItem(browser, reader, "This is one foundry's own product, not a tool of the trade.");
  expect(await pageHas(request, ADDED)).toBe(true);
  expect(await pageHas(request, technologySkills[0])).toBe(true);

  // The moderator sees it in the queue with who reported it and why, and keeps it.
  await mod.goto(`/moderation?occupation=${code}`);
  const row = mod.getByRole("row").filter({ hasText: "Bell Author" });
  await expect(row).toContainText("reported 1×, still on the page");
  await row.getByRole("link", { name: "Technology skills (add)" }).click();
  const reports = mod.getByTestId("reports");
  await expect(reports).toContainText("Bell Reader");
  await expect(reports).toContainText("This is one foundry's own product, not a tool of the trade.");
  await expect(mod.getByText("This correction is still on the page.")).toBeVisible();
  await mod.getByRole("button", { name: "Keep it on the page" }).click();
  // The page renders again with the report closed (the form goes with it).
  await expect(mod.getByTestId("reports")).toContainText("(kept on the page)");
  await expect(mod.getByRole("heading", { level: 2, name: "Reports (0 open)" })).toBeVisible();
  await expect(mod.getByRole("button", { name: "Keep it on the page" })).toHaveCount(0);
  await mod.goto(`/moderation?occupation=${code}`);
  await expect(mod.getByRole("row").filter({ hasText: "Bell Author" })).toHaveCount(0);
  expect(await pageHas(request, ADDED)).toBe(true);

  // Reported again, by another reader: this time the moderator takes it off the page for review.
  await reportItem(browser, secondReader, "A brand name with a discount code in the linked page.");
  await mod.goto(`/moderation?occupation=${code}`);
  await mod.getByRole("row").filter({ hasText: "Bell Author" }).getByRole("link", { name: "Technology skills (add)" }).click();
  await expect(mod.getByTestId("reports")).toContainText("Bell Second Reader");
  await mod.getByRole("button", { name: "Take it off the page for review" }).click();
  await expect(mod.getByTestId("reports")).toContainText("(taken off the page)");
  await expect.poll(() => pageHas(request, ADDED), { intervals: [100, 250, 500], timeout: 15_000 }).toBe(false);
  // The official items stay; the item waits in the queue for a decision again.
  expect(await pageHas(request, technologySkills[1])).toBe(true);
  await mod.goto(`/moderation?occupation=${code}`);
  await expect(mod.getByRole("row").filter({ hasText: "Bell Author" })).toContainText("Technology skills (add)");

  await moderatorContext.close();
});
