import { expect, test, type Browser } from "@playwright/test";
import { seedUser } from "../../tests/support/seed-users";

// On the fixture page "Test Sprocket Inspectors" (no other spec writes to it).
const databaseUrl = process.env.E2E_DATABASE_URL!;
const ROLE = "/roles/test-sprocket-inspectors";

/** A browser context signed in as a new contributor (a real session), and a page in it. */
async function signInNewContributor(browser: Browser, baseURL: string | undefined) {
  const contributor = await seedUser({ databaseUrl, role: "CONTRIBUTOR", baseUrl: baseURL });
  const context = await browser.newContext();
  await context.addCookies([contributor.cookie]);
  return { context, page: await context.newPage() };
}

test("a narrative draft autosaves, survives a failed save while offline, and is there after a reload", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { context, page } = await signInNewContributor(browser, baseURL);
  await page.goto(`/contribute/test-sprocket-inspectors/narrative`);
  const editor = page.getByRole("textbox", { name: "Your narrative" });
  await editor.click();
  await page.keyboard.type("Sprockets first. ");
  await expect(page.getByTestId("save-status")).toContainText("Draft saved", { timeout: 15_000 });
  await context.setOffline(true);
  await page.keyboard.type("Written while offline. ");
  await expect(page.getByTestId("save-status")).toContainText("Not saved", { timeout: 15_000 });
  await context.setOffline(false);
  // Saved again once the connection is back, without a keystroke; then the next autosave.
  await expect(page.getByTestId("save-status")).toContainText("Draft saved", { timeout: 15_000 });
  // A server action answers once it has run, so the draft is stored when this arrives.
  const saved = page.waitForResponse((response) => response.request().method() === "POST" && (response.request().postData() ?? "").includes("Back online."), { timeout: 15_000 });
  await page.keyboard.type("Back online.");
  await saved;
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Your narrative" })).toContainText("Sprockets first. Written while offline. Back online.");
  await page.goto("/me/contributions");
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await context.close();
});

test("the formatting buttons never take the focus from the text: what is typed straight after a click lands, formatted", async ({ browser, baseURL }) => {
  const { context, page } = await signInNewContributor(browser, baseURL);
  await page.goto(`/contribute/test-sprocket-inspectors/narrative`);
  const editor = page.getByRole("textbox", { name: "Your narrative" });
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });
  await editor.click();
  await expect(editor).toBeFocused();
  const focusIsInTheText = () => editor.evaluate((element) => element === document.activeElement);
  for (const name of ["Bold", "Italic", "Heading", "Subheading", "Bullet list", "Numbered list", "Quote"]) {
    const button = toolbar.getByRole("button", { name, exact: true });
    const box = (await button.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // Between press and release the button's own code has not run: had the press moved the focus
    // to the button, only tiptap's focus a frame after the click would bring it back.
    await page.mouse.down();
    expect(await focusIsInTheText(), name).toBe(true);
    await page.mouse.up();
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "false");
  }
  await toolbar.getByRole("button", { name: "Bold", exact: true }).click();
  await page.keyboard.type("Quick start");
  await expect(editor.locator("strong")).toHaveText("Quick start");
  await context.close();
});

test("a contributor withdraws their own pending correction", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const { context, page } = await signInNewContributor(browser, baseURL);
  await page.goto(`/contribute/test-sprocket-inspectors/correct`);
  await page.getByLabel("What do you want to correct?").selectOption("TASK");
  await page.getByLabel("Add, change or remove a task").selectOption("ADD");
  await page.getByLabel("Your proposed value").fill("Measure sprocket tooth wear with a gauge.");
  await page.getByLabel("Why is this better? (required)").fill("Wear measurement is a daily task.");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("status")).toContainText("waiting for a moderator");
  await page.goto("/me/contributions");
  await expect(page.getByText("Waiting for review")).toBeVisible();
  // Withdrawing asks first.
  await page.getByText("Withdraw…").click();
  await page.getByRole("button", { name: "Yes, withdraw" }).click();
  // The list re-renders at once (the row loses its Withdraw button); after a reload too.
  await expect(page.getByText("Withdrawn", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText("Withdrawn", { exact: true })).toBeVisible();
  await context.close();
});

test("contributing needs a session: the form redirects to sign-in", async ({ page }) => {
  await page.goto(`/contribute/test-sprocket-inspectors/correct`);
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  await page.goto(ROLE);
  await expect(page.getByRole("link", { name: "Suggest a correction" })).toBeVisible();
});

test("offline, the whole narrative (text, years, answers) is kept in this browser, put back on the next visit, and saved by itself once the connection is back", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { context, page } = await signInNewContributor(browser, baseURL);
  await page.goto(`/contribute/test-sprocket-inspectors/narrative`);
  await context.setOffline(true);
  await page.getByRole("textbox", { name: "Your narrative" }).click();
  await page.keyboard.type("Written offline from the start. ");
  await page.getByLabel("Years in this role").fill("9");
  await page.getByLabel("What advice would you give a newcomer?").fill("Learn the gauges first.");
  await expect(page.getByTestId("save-status")).toContainText("Not saved (no connection)", { timeout: 15_000 });
  await expect(page.getByTestId("save-status")).toContainText("saved as soon as the connection is back");
  await page.close();
  await context.setOffline(false);

  const again = await context.newPage();
  await again.goto(`/contribute/test-sprocket-inspectors/narrative`);
  const editor = again.getByRole("textbox", { name: "Your narrative" });
  await expect(editor).toContainText("Written offline from the start.");
  await expect(again.getByLabel("Years in this role")).toHaveValue("9");
  await expect(again.getByLabel("What advice would you give a newcomer?")).toHaveValue("Learn the gauges first.");
  await expect(again.getByTestId("save-status")).toContainText("Draft saved", { timeout: 15_000 });

  // Offline again: no keystroke after the connection is back, yet the draft is saved.
  await context.setOffline(true);
  await editor.click();
  await again.keyboard.press("ControlOrMeta+End");
  await again.keyboard.type("Then offline again.");
  await expect(again.getByTestId("save-status")).toContainText("Not saved (no connection)", { timeout: 15_000 });
  await context.setOffline(false);
  await expect(again.getByTestId("save-status")).toContainText("Draft saved", { timeout: 15_000 });
  await again.reload();
  await expect(again.getByRole("textbox", { name: "Your narrative" })).toContainText("Then offline again.");
  await expect(again.getByLabel("Years in this role")).toHaveValue("9");
  await expect(again.getByLabel("What advice would you give a newcomer?")).toHaveValue("Learn the gauges first.");
  await context.close();
});

test("the Link button takes a bare domain as https://, and refuses ftp: and javascript: at the prompt with a message naming the link", async ({ browser, baseURL }) => {
  const { context, page } = await signInNewContributor(browser, baseURL);
  await page.goto(`/contribute/test-sprocket-inspectors/narrative`);
  const editor = page.getByRole("textbox", { name: "Your narrative" });
  let answer = "";
  page.on("dialog", (dialog) => void dialog.accept(answer));
  const linkLastWord = async (typed: string) => {
    answer = typed;
    await page.keyboard.press("Shift+ControlOrMeta+ArrowLeft");
    await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name: "Link" }).click();
  };
  await editor.click();
  await page.keyboard.type("See the makers");
  await linkLastWord("example.com");
  await expect(editor.locator("a")).toHaveAttribute("href", "https://example.com");
  await page.keyboard.press("End");
  await page.keyboard.type(" or their files");
  for (const typed of ["ftp://files.example.org/manual.pdf", "javascript:alert(1)"]) {
    await linkLastWord(typed);
    await expect(page.getByRole("alert").filter({ hasText: "The link" })).toHaveText(`The link “${typed}” must start with http://, https:// or mailto:.`);
  }
  await expect(editor.locator("a")).toHaveCount(1);
  await expect(page.getByTestId("save-status")).toContainText("Draft saved", { timeout: 15_000 });
  await context.close();
});

test("sending without years in the role says so in words and takes the focus to the message; the label says it is required; a sent narrative's answer takes the focus too", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const { context, page } = await signInNewContributor(browser, baseURL);
  await page.goto(`/contribute/test-sprocket-inspectors/narrative`);
  await expect(page.getByText("Years in this role (required)", { exact: true })).toBeVisible();
  await page.getByRole("textbox", { name: "Your narrative" }).click();
  await page.keyboard.insertText("Sprocket inspection is quiet, exact work with gauges and good light. ".repeat(4));
  await page.getByRole("button", { name: "Send for review" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "Say how many years you have worked in this role" });
  await expect(refusal).toBeVisible();
  await expect(refusal).not.toContainText("yearsInRole");
  await expect(refusal).toBeFocused();
  await expect(page.getByLabel("Years in this role (required)")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Years in this role (required)").fill("3");
  await page.getByRole("button", { name: "Send for review" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("Your narrative is waiting for a moderator");
  await expect(status).toBeFocused();
  await context.close();
});
