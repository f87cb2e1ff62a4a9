import { expect, test } from "@playwright/test";
import { seedUser } from "../../tests/support/seed-users";

// On the fixture page "Test Gadget Technicians": every submission here is refused, so
// nothing is stored that another spec could see.
const databaseUrl = process.env.E2E_DATABASE_URL!;

test("an oversized or invisible-only correction is refused with a message, and the typed text stays", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const contributor = await seedUser({ databaseUrl, role: "CONTRIBUTOR", baseUrl: baseURL });
  const context = await browser.newContext();
  await context.addCookies([contributor.cookie]);
  const page = await context.newPage();
  await page.goto("/contribute/test-gadget-technicians/correct");
  const form = page.getByRole("form", { name: "Suggest a correction" });
  const proposed = page.getByLabel("Your proposed value");
  const rationale = page.getByLabel("Why is this better? (required)");

  const oversized = "Gadgets are assembled by hand. ".repeat(150);
  await proposed.fill(oversized);
  await rationale.fill("The official text is out of date.");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(form.getByRole("alert")).toContainText("The text can be at most 4000 characters.");
  await expect(proposed).toHaveValue(oversized);
  await expect(rationale).toHaveValue("The official text is out of date.");

  // Spaces and zero-width characters pass the browser's `required`, not the server.
  await proposed.fill(" \u200B\u200B \u202E ");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(form.getByRole("alert")).toContainText("The text cannot be empty.");
  await expect(rationale).toHaveValue("The official text is out of date.");
  await context.close();
});
