import { expect, type Page, test } from "@playwright/test";
import { COMMUNITY_FIXTURES, makeEstablished, seedPendingNarrative } from "../../tests/support/e2e/community-fixtures";
import { seedUser } from "../../tests/support/seed-users";

// Each test on an occupation of its own (tests/support/e2e/community-fixtures.ts), which no
// other spec writes to.
const databaseUrl = process.env.E2E_DATABASE_URL!;

async function proposeDescription(page: Page, slug: string, text: string) {
  await page.goto(`/contribute/${slug}/correct`);
  await page.getByLabel("Your proposed value").fill(text);
  await page.getByLabel("Why is this better? (required)").fill("The official text is out of date in most workshops.");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("status")).toContainText("Your correction is waiting for a moderator");
}

/** The role page as a reader fetches it (from the cache once it is fresh). */
async function readerSees(request: Parameters<Parameters<typeof test>[2]>[0]["request"], path: string, text: string) {
  await expect.poll(async () => (await (await request.get(path)).text()).includes(text), { intervals: [50, 100, 250], timeout: 10_000 }).toBe(true);
}

test("a conflicting correction needs “apply anyway”, and a rollback undoes it as a new revision", async ({ browser, baseURL, request }) => {
  test.setTimeout(90_000);
  const { code, slug, description } = COMMUNITY_FIXTURES.conflicts;
  const first = "Operate and maintain lathes in the test workshop.";
  const second = "Operate CNC lathes and write their programs in the test workshop.";
  const [alice, bob, moderator] = await Promise.all([
    seedUser({ databaseUrl, name: "Lathe Author Alice", baseUrl: baseURL }),
    seedUser({ databaseUrl, name: "Lathe Author Bob", baseUrl: baseURL }),
    seedUser({ databaseUrl, role: "MODERATOR", name: "Lathe Moderator", baseUrl: baseURL }),
  ]);
  const contexts = await Promise.all([alice, bob, moderator].map(async (user) => {
    const context = await browser.newContext();
    await context.addCookies([user.cookie]);
    return context;
  }));
  const [alicePage, bobPage, mod] = await Promise.all(contexts.map((context) => context.newPage()));

  // Both write against the official page (revision 0).
  await proposeDescription(alicePage!, slug, first);
  await proposeDescription(bobPage!, slug, second);

  // The moderator approves Alice's first.
  await mod!.goto(`/moderation?occupation=${code}`);
  await expect(mod!.getByTestId("queue-counts")).toContainText("2 match the filters");
  await mod!.getByRole("row").filter({ hasText: "Lathe Author Alice" }).getByRole("link", { name: "Description (change)" }).click();
  await expect(mod!.getByTestId("conflict-view")).toHaveCount(0);
  await mod!.getByRole("button", { name: "Approve" }).click();
  await expect(mod!.getByText("Decided by Lathe Moderator.")).toBeVisible();

  // Bob's now conflicts: base, current and proposed side by side; approving needs "apply anyway".
  await mod!.goto(`/moderation?occupation=${code}`);
  await mod!.getByRole("row").filter({ hasText: "Lathe Author Bob" }).getByRole("link", { name: "Description (change)" }).click();
  const conflict = mod!.getByTestId("conflict-view");
  await expect(conflict).toContainText(description);
  await expect(conflict).toContainText(first);
  await expect(conflict).toContainText(second);
  await mod!.getByRole("button", { name: "Approve" }).click();
  // The refusal and then the approval take the focus (the decided page has no form left to hold it).
  await expect(mod!.getByRole("alert").filter({ hasText: "This field changed after the submission was written" })).toBeFocused();
  await mod!.getByLabel(/Apply anyway/).check();
  await mod!.getByRole("button", { name: "Approve" }).click();
  await expect(mod!.getByText("Decided by Lathe Moderator.")).toBeVisible();
  await expect(mod!.getByTestId("left-answer")).toContainText("Approved: revision");
  await expect(mod!.getByTestId("left-answer")).toBeFocused();
  await readerSees(request, `/roles/${slug}`, second);

  // Rollback: undo revision 2 (Bob's) from the history page; Alice's text is back, as revision 3.
  await mod!.goto(`/roles/${slug}/history`);
  await mod!.locator("#r2").getByRole("button", { name: "Undo this change" }).click();
  await expect(mod!.getByRole("status")).toContainText("Rolled back: revision 3 of the page is live.");
  await readerSees(request, `/roles/${slug}`, first);
  const reader = await browser.newPage();
  await reader.goto(`/roles/${slug}`);
  const overview = reader.locator("section").filter({ has: reader.getByRole("heading", { level: 2, name: "Overview" }) });
  await expect(overview.getByTestId("corrected-value")).toContainText(first);
  await expect(overview).not.toContainText(second);
  await reader.goto(`/roles/${slug}/history`);
  await expect(reader.locator("#r3")).toContainText("Rollback (restored #2)");
  await expect(reader.locator("#r3")).toContainText("by Lathe Moderator");

  await Promise.all(contexts.map((context) => context.close()));
});

test("one report queues a published narrative; reports from three established readers take it off the page; moderators see who reported", async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const { code, slug, title } = COMMUNITY_FIXTURES.reports;
  const text = "Firing a kiln is mostly patience: loading, slow ramps and long nights of watching the cones bend at the right time.";
  const [author, moderator, newcomer, ...established] = await Promise.all([
    seedUser({ databaseUrl, name: "Kiln Author", baseUrl: baseURL }),
    seedUser({ databaseUrl, role: "MODERATOR", name: "Kiln Moderator", baseUrl: baseURL }),
    seedUser({ databaseUrl, name: "Kiln Newcomer", baseUrl: baseURL }),
    ...["Kiln Reader One", "Kiln Reader Two", "Kiln Reader Three"].map((name) => seedUser({ databaseUrl, name, baseUrl: baseURL })),
  ]);
  await Promise.all(established.map((user) => makeEstablished({ databaseUrl, userId: user.id, occupationCode: code })));
  const narrativeId = await seedPendingNarrative({ databaseUrl, authorId: author.id, occupationCode: code, text });
  const moderatorContext = await browser.newContext();
  await moderatorContext.addCookies([moderator.cookie]);
  const mod = await moderatorContext.newPage();
  await mod.goto(`/moderation/${narrativeId}`);
  await expect(mod.getByRole("heading", { level: 1, name: `Narrative for ${title}` })).toBeVisible();
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText("Decided by Kiln Moderator.")).toBeVisible();
  await readerSees(request, `/roles/${slug}`, "long nights of watching the cones");

  const reportAs = async (user: (typeof established)[number], reason: string, expected: RegExp) => {
    const context = await browser.newContext();
    await context.addCookies([user.cookie]);
    const page = await context.newPage();
    await page.goto(`/roles/${slug}`);
    await page.getByTestId("narrative").getByRole("link", { name: "Report this narrative" }).click();
    await page.getByLabel("What is wrong?").fill(reason);
    await page.getByRole("button", { name: "Report" }).click();
    await expect(page.getByRole("status")).toContainText(expected);
    await context.close();
  };

  // A brand-new account's report: queued, and the narrative stays on the page.
  await reportAs(newcomer, "It names a customer and their address.", /in the moderators' queue/);
  expect((await (await request.get(`/roles/${slug}`)).text()).includes("long nights of watching the cones")).toBe(true);
  await mod.goto(`/moderation?occupation=${code}`);
  await expect(mod.getByTestId("queue-counts")).toContainText("1 match the filters");
  await expect(mod.getByRole("row").filter({ hasText: "Kiln Author" })).toContainText("reported 1×, still on the page");
  await mod.getByRole("link", { name: "Narrative" }).click();
  await expect(mod.getByTestId("reports")).toContainText("Kiln Newcomer");
  await expect(mod.getByTestId("reports")).toContainText("It names a customer and their address.");
  await expect(mod.getByRole("button", { name: "Keep it on the page" })).toBeVisible();

  // Three established readers: the third report takes it off the page, into the history.
  await reportAs(established[0]!, "It is an advertisement for a kiln shop.", /in the moderators' queue/);
  await reportAs(established[1]!, "It advertises a shop, not the work.", /in the moderators' queue/);
  await reportAs(established[2]!, "An advertisement, with a discount code.", /off the page until a moderator/);
  await expect.poll(async () => (await (await request.get(`/roles/${slug}`)).text()).includes("long nights of watching the cones"), { timeout: 10_000 }).toBe(false);
  const reader = await browser.newPage();
  await reader.goto(`/roles/${slug}/history`);
  const reported = reader.getByRole("listitem").filter({ hasText: "Reported, hidden until reviewed again" });
  await expect(reported).toContainText("by a reader");
  await expect(reported).not.toContainText("Kiln Reader");
  await reader.close();

  // Back in the queue for a decision; the review page names every reporter, with reasons and dates.
  await mod.goto(`/moderation?occupation=${code}`);
  await expect(mod.getByTestId("queue-counts")).toContainText("1 match the filters");
  await mod.getByRole("link", { name: "Narrative" }).click();
  const reports = mod.getByTestId("reports");
  for (const name of ["Kiln Newcomer", "Kiln Reader One", "Kiln Reader Two", "Kiln Reader Three"]) await expect(reports).toContainText(name);
  await expect(reports).toContainText("An advertisement, with a discount code.");
  await expect(reports).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expect(mod.getByRole("button", { name: "Approve" })).toBeVisible();

  await moderatorContext.close();
});
