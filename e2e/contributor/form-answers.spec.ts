import { expect, test } from "@playwright/test";
import { seedUser } from "../../tests/support/seed-users";
import { closeDatabase, insertCorrection, insertNotification } from "../security/security-data";

// After an action the focus is on what happened, even when the page no longer shows the form
// (a withdrawn row, the last unread notification). The seeded submissions sit on the security
// suite's page (99-0004.00).

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

test("the profile form's answer is above its fields and takes the focus", async ({ browser, baseURL }) => {
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

  await page.getByLabel("Display name").fill("Profile Focus Person");
  await page.getByLabel("Current job title").fill("Test worker");
  await page.getByLabel("Occupations you have worked in").fill("99-0004.00");
  await page.getByLabel("Years of experience").fill("4");
  await page.getByLabel("Sector").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your profile is saved." })).toBeFocused();
  await context.close();
});

