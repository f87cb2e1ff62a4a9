import { expect, type Page, test } from "@playwright/test";
import { LIST_FIXTURE } from "../../tests/support/e2e/e2e-datasets";
import { seedUser } from "../../tests/support/seed-users";

// Lists are corrected item by item: a contributor removes one of 85 technology skills and adds
// one; a moderator approves both; the page keeps the other 84 official items, with the added
// one marked as the community's. The page is this spec's own (LIST_FIXTURE).
const databaseUrl = process.env.E2E_DATABASE_URL!;
const { code, slug, technologySkills } = LIST_FIXTURE;
const ADDED = "Lathe Scheduler Pro";
const REMOVED = technologySkills[6]!;

async function proposeItem(page: Page, operation: "ADD" | "REMOVE", fill: () => Promise<void>) {
  await page.goto(`/contribute/${slug}/correct`);
  await page.getByLabel("What do you want to correct?").selectOption("TECHNOLOGY_SKILLS");
  await page.getByLabel("Add, reword or remove an item").selectOption(operation);
  await fill();
  await page.getByLabel("Why is this better? (required)").fill("Workshops stopped using this tool years ago; the scheduler replaced it.");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("status")).toContainText("Your correction is waiting for a moderator");
}

test("a contributor removes one technology item and adds one; once approved the page shows the rest of the list, the new item marked", async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const [contributor, moderator] = await Promise.all([
    seedUser({ databaseUrl, name: "List Author Lin", baseUrl: baseURL }),
    seedUser({ databaseUrl, role: "MODERATOR", name: "List Moderator", baseUrl: baseURL }),
  ]);
  const contexts = await Promise.all([contributor, moderator].map(async (user) => {
    const context = await browser.newContext();
    await context.addCookies([user.cookie]);
    return context;
  }));
  const [author, mod] = await Promise.all(contexts.map((context) => context.newPage()));

  await proposeItem(author!, "REMOVE", async () => {
    await author!.getByLabel("Which item").selectOption({ label: REMOVED });
    await expect(author!.getByTestId("current-value")).toHaveText(REMOVED);
  });
  // Adding is typed with the keyboard only.
  await proposeItem(author!, "ADD", async () => {
    await author!.getByLabel("The item to add").focus();
    await author!.keyboard.type(ADDED);
  });

  for (const label of ["Technology skills (remove)", "Technology skills (add)"]) {
    await mod!.goto(`/moderation?occupation=${code}`);
    await mod!.getByRole("row").filter({ hasText: "List Author Lin" }).getByRole("link", { name: label }).first().click();
    await expect(mod!.getByTestId("conflict-view")).toHaveCount(0);
    await mod!.getByRole("button", { name: "Approve" }).click();
    await expect(mod!.getByText("Decided by List Moderator.")).toBeVisible();
  }

  await expect.poll(async () => (await (await request.get(`/roles/${slug}`)).text()).includes(ADDED), { intervals: [100, 250, 500], timeout: 15_000 }).toBe(true);
  const reader = await browser.newPage();
  await reader.goto(`/roles/${slug}`);
  const list = reader.getByTestId("technology-skills").getByRole("listitem");
  await expect(list).toHaveCount(technologySkills.length - 1 + 1);
  await expect(list.filter({ hasText: REMOVED })).toHaveCount(0);
  await expect(list.filter({ hasText: technologySkills[0]! })).toHaveCount(1);
  const added = list.filter({ hasText: ADDED });
  await expect(added.getByTestId("community-item")).toHaveText("Added by practitioners");
  await expect(reader.getByTestId("community-item")).toHaveCount(1);
  await expect(reader.getByTestId("removed-items")).toContainText(`Removed by practitioners: ${REMOVED}`);

  // The JSON says where each item came from.
  const json = (await (await request.get(`/api/roles/${code}`)).json()) as { shown: { technologySkills: { items: { text: string; origin: string }[] } } };
  const items = json.shown.technologySkills.items;
  expect(items).toHaveLength(technologySkills.length);
  expect(items.filter((item) => item.origin === "community").map((item) => item.text)).toEqual([ADDED]);
  // And the Markdown marks it.
  expect(await (await request.get(`/roles/${slug}.md`)).text()).toMatch(new RegExp(`- ${ADDED} _\\(community: added by practitioners`));
  // The page of the whole technology list shows the corrected list too (the same cached view).
  await reader.goto(`/roles/${slug}/technology`);
  await expect(reader.getByRole("heading", { level: 1 })).toContainText("technology and tools");
  await expect(reader.getByTestId("technology-skills").getByRole("listitem").filter({ hasText: ADDED }).getByTestId("community-item")).toHaveText("Added by practitioners");
  await Promise.all([...contexts.map((context) => context.close()), reader.close()]);
});
