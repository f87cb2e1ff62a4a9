import { expect, test } from "@playwright/test";
import { seedUser } from "../../tests/support/seed-users";
import { closeDatabase, insertCorrection, insertNarrative, insertNotification } from "../security/security-data";

// After an action the focus is on what happened, even when the page no longer shows the form
// (a withdrawn row, the last unread notification); pages about a submission say truly what it
// is. The seeded submissions sit on the security suite's page (99-0004.00).

const databaseUrl = process.env.E2E_DATABASE_URL!;
test.afterAll(closeDatabase);

test("withdrawing leaves a visible, announced and focused “Withdrawn.”, though the row's form is gone", async ({ browser, baseURL }) => {
  const author = await seedUser({ databaseUrl, name: "Withdrawing Author", baseUrl: baseURL });
  const submission = await insertCorrection(author.id);
  const context = await browser.newContext();
  await context.addCookies([author.cookie]);
  const page = await context.newPage();
  await page.goto("/me/contributions");
  const row = page.getByTestId(`contribution-${submission}`);
  await row.getByText("Withdraw…").click();
  await row.getByRole("button", { name: "Yes, withdraw" }).click();
  await expect(row.getByRole("form", { name: "Withdraw" })).toHaveCount(0);
  const answer = page.getByRole("status").filter({ hasText: "Withdrawn." });
  await expect(answer).toBeVisible();
  await expect(answer).toBeFocused();
  await expect(page.getByTestId("left-answer")).toHaveText("Withdrawn.");
  // Another page does not repeat it.
  await page.goto("/me/notifications");
  await expect(page.getByTestId("left-answer")).toHaveCount(0);
  await context.close();
});

test("“Mark all as read” leaves its answer focused, though the button is gone with the unread notifications", async ({ browser, baseURL }) => {
  const author = await seedUser({ databaseUrl, name: "Notified Author", baseUrl: baseURL });
  await insertNotification(author.id, await insertCorrection(author.id));
  const context = await browser.newContext();
  await context.addCookies([author.cookie]);
  const page = await context.newPage();
  await page.goto("/me/notifications");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("Nothing unread.")).toBeVisible();
  await expect(page.getByTestId("left-answer")).toHaveText("Marked 1 as read.");
  await expect(page.getByTestId("left-answer")).toBeFocused();
  await context.close();
});

test("the profile form's answer is above its fields and takes the focus; an empty Years of experience says one thing", async ({ browser, baseURL }) => {
  const person = await seedUser({ databaseUrl, name: "Profile Focus Person", baseUrl: baseURL });
  const context = await browser.newContext();
  await context.addCookies([person.cookie]);
  const page = await context.newPage();
  await page.goto("/profile");
  await page.getByLabel("Display name").fill("");
  await page.getByLabel("Years of experience").fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  const answer = page.getByRole("status").filter({ hasText: "Some fields need fixing: see the messages below." });
  await expect(answer).toBeFocused();
  expect((await answer.boundingBox())!.y).toBeLessThan((await page.getByLabel("Display name").boundingBox())!.y);
  await expect(page.locator("#yearsExperience-error p")).toHaveText(["Enter your years of experience (0 if less than a year)."]);

  await page.getByLabel("Display name").fill("Profile Focus Person");
  await page.getByLabel("Current job title").fill("Test worker");
  await page.getByLabel("Occupations you have worked in").fill("99-0004.00");
  await page.getByLabel("Years of experience").fill("4");
  await page.getByLabel("Sector").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your profile is saved." })).toBeFocused();
  await context.close();
});

test("the report form answers 404 for what cannot be reported, and names what it reports", async ({ browser, baseURL }) => {
  const reader = await seedUser({ databaseUrl, name: "Reporting Reader", baseUrl: baseURL });
  const author = await seedUser({ databaseUrl, name: "Reported Author", baseUrl: baseURL });
  const published = await insertNarrative(author.id, "APPROVED");
  const pending = await insertNarrative(author.id, "PENDING");
  const context = await browser.newContext();
  await context.addCookies([reader.cookie]);
  const page = await context.newPage();
  for (const path of ["/contribute/report/xyz", `/contribute/report/${pending}`, `/contribute/report/${published}?what=correction`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Page not found");
  }
  expect((await page.goto(`/contribute/report/${published}`))?.status()).toBe(200);
  await expect(page.getByTestId("report-target")).toContainText("narrative by Reported Author on All Other Test Workers");
  await expect(page.getByTestId("report-target").getByRole("link")).toHaveAttribute("href", `/roles/all-other-test-workers#narrative-${published}`);
  await context.close();
});

test("the edit page of a submission not sent back says what it is: waiting for a moderator, or approved with a link", async ({ browser, baseURL }) => {
  const author = await seedUser({ databaseUrl, name: "Editing Author", baseUrl: baseURL });
  const pending = await insertCorrection(author.id);
  const approved = await insertNarrative(author.id, "APPROVED");
  const context = await browser.newContext();
  await context.addCookies([author.cookie]);
  const page = await context.newPage();
  expect((await page.goto(`/me/contributions/${pending}/edit`))?.status()).toBe(200);
  await expect(page.getByTestId("edit-state")).toHaveText(/is waiting for a moderator: there is nothing to edit/);
  await expect(page.getByText("Sent back to the moderators")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "My contributions" }).last()).toBeVisible();

  expect((await page.goto(`/me/contributions/${approved}/edit`))?.status()).toBe(200);
  await expect(page.getByTestId("edit-state")).toContainText("was approved");
  await expect(page.getByTestId("edit-state").getByRole("link", { name: "see it on the page" })).toHaveAttribute("href", `/roles/all-other-test-workers#narrative-${approved}`);
  await context.close();
});

test("resubmitting a narrative leaves a focused “Sent back to the moderators” though the page drops the editor, and the page says it waits", async ({ browser, baseURL }) => {
  const author = await seedUser({ databaseUrl, name: "Resubmitting Author", baseUrl: baseURL });
  const narrative = await insertNarrative(author.id, "CHANGES_REQUESTED");
  const context = await browser.newContext();
  await context.addCookies([author.cookie]);
  const page = await context.newPage();
  await page.goto(`/me/contributions/${narrative}/edit`);
  await page.getByRole("button", { name: "Resubmit" }).click();
  await expect(page.getByTestId("edit-state")).toHaveText(/is waiting for a moderator/, { timeout: 15_000 });
  await expect(page.getByTestId("left-answer")).toHaveText("Sent back to the moderators. Thank you!");
  await expect(page.getByTestId("left-answer")).toBeFocused();
  await context.close();
});
