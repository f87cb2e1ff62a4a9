import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// The interest profiler on the e2e data (tests/support/e2e/e2e-datasets.ts): O*NET's fixture
// activities, two per area (tests/support/fixtures/discovery-fixtures.ts), and full interest
// scores for the widget, gadget and sprocket occupations. Keyboard only, with and without
// JavaScript: the answers go through a GET form and the results render on the server.

/** The answers in the profiler's order (R1, I1, A1, S1, E1, C1, R2, …): area scores R 4, I 3, A 0, S 1, E 1, C 2. */
const ANSWERS = ["like", "like", "dislike", "unsure", "dislike", "like", "like", "unsure", "dislike", "dislike", "unsure", "dislike"] as const;
const KEYS = ["R1", "I1", "A1", "S1", "E1", "C1", "R2", "I2", "A2", "S2", "E2", "C2"];

/** Presses Tab until the element is focused (a keyboard user's way there), or fails. */
async function tabTo(page: Page, selector: string) {
  for (let presses = 0; presses < 80; presses++) {
    if (await page.locator(selector).evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Rates every activity from the keyboard: Space picks Like, arrows move to Unsure or Dislike, Tab to the next activity. */
async function answerByKeyboard(page: Page) {
  await tabTo(page, "#R1-like");
  for (const [index, answer] of ANSWERS.entries()) {
    if (answer === "like") await page.keyboard.press("Space");
    if (answer === "unsure") await page.keyboard.press("ArrowRight");
    if (answer === "dislike") {
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
    }
    await expect(page.locator(`#${KEYS[index]}-${answer}`)).toBeChecked();
    await page.keyboard.press("Tab");
  }
}

async function expectResults(page: Page) {
  await expect(page).toHaveURL(/R1=like&I1=like&A1=dislike/);
  await expect(page.getByRole("heading", { level: 2, name: "Your interest profile" })).toBeVisible();
  const profile = page.getByRole("table", { name: "Your score in each of the six interest areas" });
  await expect(profile.getByRole("row", { name: /Realistic \(R\)/ })).toContainText("4 of 4");
  await expect(profile.getByRole("row", { name: /Artistic \(A\)/ })).toContainText("0 of 4");
  await expect(page.getByText("Your strongest interests: Realistic, then Investigative (RI).")).toBeVisible();
  const matches = page.getByRole("table", { name: "Careers ranked by how well their interests match yours" });
  // Hand-computed correlations (lib/interests/rank-careers-by-interest.integration.test.ts).
  await expect(matches.getByRole("rowheader")).toHaveText(["Test Widget Engineers", "Test Gadget Technicians", "Test Sprocket Inspectors"]);
  await expect(matches.getByRole("row").nth(1)).toContainText("0.91");
  await expect(matches.getByRole("row").nth(3)).toContainText("-0.14");
}

test("keyboard only, with JavaScript: rate the activities, get a profile and ranked careers; nothing rated twice", async ({ page }) => {
  await page.goto("/interests");
  await expect(page.getByText("A starting point for exploring, not a test")).toBeVisible();
  await expect(page.getByText(/Source: O\*NET 30\.1 Database/)).toBeVisible();
  await answerByKeyboard(page);
  await tabTo(page, 'button:text("Show my interests and careers")');
  await page.keyboard.press("Enter");
  await expectResults(page);

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }))).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("keyboard only: the GET form gives the same profile and ranking, and the job zone filter narrows it", async ({ page }) => {
    await page.goto("/interests");
    await answerByKeyboard(page);
    await tabTo(page, 'button:text("Show my interests and careers")');
    await page.keyboard.press("Enter");
    await expectResults(page);

    // Preparation: job zone 2 (the second option after "Any amount"), chosen with the keyboard.
    await tabTo(page, "#interest-zone");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(page.locator("#interest-zone")).toHaveValue("2");
    await tabTo(page, 'button:text("Show my interests and careers")');
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/zone=2/);
    await expect(page.getByRole("heading", { level: 2, name: /job zone 2: some preparation needed/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Careers ranked by how well their interests match yours" }).getByRole("rowheader")).toHaveText(["Test Sprocket Inspectors"]);
  });

  test("a half-filled form says which activities are left, with links to them", async ({ page }) => {
    await page.goto("/interests?R1=like&I1=dislike");
    const alert = page.locator("main").getByRole("alert");
    await expect(alert).toContainText("Rate every activity to see your profile: 10 of 12 not rated yet.");
    await expect(alert.getByRole("link")).toHaveCount(10);
    await expect(page.locator("#R1-like")).toBeChecked();
  });
});

test("browse by interest: the role page links its first two interests to browse", async ({ page }) => {
  await page.goto("/roles/test-widget-engineers");
  await page.getByRole("link", { name: "Careers with the same first two interests (IR)" }).click();
  await expect(page).toHaveURL(/\/roles\?interest=IR$/);
  await expect(page.getByText("First interest Investigative, second Realistic")).toBeVisible();
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveText([/Test Widget Engineers/]);
  await page.getByLabel("Sort by").selectOption("pay");
  await page.getByRole("button", { name: "Show careers" }).click();
  await expect(page).toHaveURL(/interest=IR/);
  await expect(page).toHaveURL(/sort=pay/);
});
