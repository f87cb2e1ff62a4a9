import { type Browser, type BrowserContextOptions, expect, test } from "@playwright/test";
import { queryRows } from "../../tests/support/query-rows";
import { seedUser } from "../../tests/support/seed-users";

// What a person typed is kept, or they are told why not. On the fixture page "Test Sprocket
// Inspectors"; every test has its own new user and counts only that user's submissions.
const databaseUrl = process.env.E2E_DATABASE_URL!;
const SLUG = "test-sprocket-inspectors";

/** A new contributor, and a page of a browser context of its own signed in as them. */
async function signedInContributor(browser: Browser, baseURL: string | undefined, options: BrowserContextOptions = {}) {
  const contributor = await seedUser({ databaseUrl, baseUrl: baseURL });
  const context = await browser.newContext(options);
  await context.addCookies([contributor.cookie]);
  return { contributor, context, page: await context.newPage() };
}

const pendingOf = async (authorId: string) =>
  (await queryRows<{ kind: string; count: number }>(databaseUrl, `SELECT "kind", count(*)::int AS count FROM "Submission" WHERE "authorId" = $1 AND "status" = 'PENDING' GROUP BY "kind"`, [authorId])).map((row) => [row.kind, row.count]);

test("a double click on “Send for review” sends one narrative; the editor then stays disabled with a link to follow it", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const { contributor, context, page } = await signedInContributor(browser, baseURL);
  await page.goto(`/contribute/${SLUG}/narrative`);
  await page.getByRole("textbox", { name: "Your narrative" }).click();
  await page.keyboard.insertText("Inspecting sprockets is a craft of patience: gauges, light and a steady hand. ".repeat(4));
  await page.getByLabel("Years in this role").fill("6");
  const send = page.getByRole("button", { name: "Send for review" });
  await send.dblclick();
  await expect(page.getByRole("status")).toContainText("Your narrative is waiting for a moderator");
  await expect(page.getByRole("button", { name: "Sent" })).toBeDisabled();
  await expect(page.getByRole("link", { name: "Follow it under “My contributions”" })).toBeVisible();
  expect(await pendingOf(contributor.id)).toEqual([["NARRATIVE", 1]]);

  // The same narrative typed again in a new editor: refused with a message, still one.
  await page.goto(`/contribute/${SLUG}/narrative`);
  await page.getByRole("textbox", { name: "Your narrative" }).click();
  await page.keyboard.insertText("Inspecting sprockets is a craft of patience: gauges, light and a steady hand. ".repeat(4));
  await page.getByLabel("Years in this role").fill("6");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You have already sent this, and it is waiting for a moderator" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your narrative" })).toHaveText("Inspecting sprockets is a craft of patience: gauges, light and a steady hand. ".repeat(4).trim());
  expect(await pendingOf(contributor.id)).toEqual([["NARRATIVE", 1]]);
  await context.close();
});

test("a correction is sent once, the form then says “Sent”, and the confirmation shows what was stored differently", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const { contributor, context, page } = await signedInContributor(browser, baseURL);
  await page.goto(`/contribute/${SLUG}/correct`);
  await page.getByLabel("What do you want to correct?").selectOption("TASK");
  await page.getByLabel("Add, change or remove a task").selectOption("ADD");
  // A decomposed "é" (e + combining accent) and a bidi override: stored as "é", without the override.
  await page.getByLabel("Your proposed value").fill("Check the ve\u0301rnier \u202Ecalibration weekly.");
  await page.getByLabel("Why is this better? (required)").fill("Calibration drifts without a weekly check.");
  await page.getByRole("button", { name: "Send for review" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText("waiting for a moderator");
  const notice = page.getByTestId("stored-form-notice");
  await expect(notice).toContainText("Your proposed value");
  await expect(notice).toContainText("Unicode NFC");
  await expect(notice).toContainText("text-direction characters were removed");
  await expect(notice.locator("pre")).toHaveText("Check the v\u00e9rnier calibration weekly.");
  await expect(page.getByRole("button", { name: "Send for review" })).toBeDisabled();
  await expect(status.getByRole("link", { name: "Follow it under “My contributions”" })).toBeVisible();
  expect(await pendingOf(contributor.id)).toEqual([["CORRECTION", 1]]);
  await context.close();
});

test("a whitespace-only list item is refused with the field's message, and a too-large proposal with the form's own", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const { contributor, context, page } = await signedInContributor(browser, baseURL);
  await page.goto(`/contribute/${SLUG}/correct`);
  await page.getByLabel("What do you want to correct?").selectOption("TECHNOLOGY_SKILLS");
  await page.getByLabel("Add, reword or remove an item").selectOption("ADD");
  await page.getByLabel("The item to add").fill("   \u200B  ");
  await page.getByLabel("Why is this better? (required)").fill("None of these tools are used any more.");
  await page.getByRole("button", { name: "Send for review" }).click();
  const form = page.getByRole("form", { name: "Suggest a correction" });
  await expect(form.getByRole("alert")).toContainText("The item cannot be empty");

  // Over the server actions' 1 MB body limit: the form says so itself, nothing is sent.
  await page.getByLabel("What do you want to correct?").selectOption("DESCRIPTION");
  const huge = "Sprocket gauge ".repeat(75_000);
  await page.getByLabel("Your proposed value").fill(huge);
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(form.getByRole("alert")).toContainText("This is too large to send");
  expect(await page.getByLabel("Your proposed value").inputValue()).toBe(huge);
  expect(await pendingOf(contributor.id)).toEqual([]);
  await context.close();
});

// Back after a send: Next's router cache shows the form as first rendered, with the key the
// page made then. Each send carries a key made in the browser, so what is sent from it is new.
test("after a correction is sent, “My contributions” and Back: a different correction from the form shown again is stored too", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const { contributor, context, page } = await signedInContributor(browser, baseURL);
  await page.goto(`/contribute/${SLUG}/correct`);
  const renderedKey = await page.locator("input[name=idempotencyKey]").inputValue();
  const propose = async (text: string) => {
    await page.getByLabel("Your proposed value").fill(text);
    await page.getByLabel("Why is this better? (required)").fill("Inspectors describe the work this way.");
    await page.getByRole("button", { name: "Send for review" }).click();
    await expect(page.getByRole("status")).toContainText("Thank you! Your correction is waiting for a moderator");
  };
  await propose("Inspect sprockets against their drawings.");
  await page.getByRole("link", { name: "Follow it under “My contributions”" }).click();
  await expect(page).toHaveURL(/\/me\/contributions$/);
  await page.goBack();
  // The old render, with the key the page made before the first send.
  await expect(page.locator("input[name=idempotencyKey]")).toHaveValue(renderedKey);
  await propose("Inspect sprockets and gauges against their drawings.");
  const rows = await queryRows<{ text: string }>(databaseUrl, `SELECT "proposedValue"->>'text' AS text FROM "Submission" WHERE "authorId" = $1 AND "status" = 'PENDING' ORDER BY "submittedAt"`, [contributor.id]);
  expect(rows.map((row) => row.text)).toEqual(["Inspect sprockets against their drawings.", "Inspect sprockets and gauges against their drawings."]);
  await context.close();
});

const narrativeTexts = async (authorId: string) =>
  (await queryRows<{ doc: string }>(databaseUrl, `SELECT "narrativeDoc"::text AS doc FROM "Submission" WHERE "authorId" = $1 AND "kind" = 'NARRATIVE' AND "status" = 'PENDING' ORDER BY "submittedAt"`, [authorId])).map((row) => row.doc);

test("after a narrative is sent, “My contributions” and Back: a new narrative written in the editor shown again is stored as a new one", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const { contributor, context, page } = await signedInContributor(browser, baseURL);
  await page.goto(`/contribute/${SLUG}/narrative`);
  const write = async (text: string, years: string) => {
    await page.getByRole("textbox", { name: "Your narrative" }).click();
    await page.keyboard.insertText(text);
    await page.getByLabel("Years in this role").fill(years);
    await page.getByRole("button", { name: "Send for review" }).click();
  };
  await write("The first account: sprockets are inspected under raking light, one tooth at a time. ".repeat(3), "6");
  await expect(page.getByRole("status")).toContainText("Your narrative is waiting for a moderator");
  await page.getByRole("link", { name: "Follow it under “My contributions”" }).click();
  await expect(page).toHaveURL(/\/me\/contributions$/);
  await page.goBack();
  await expect(page.getByRole("button", { name: "Send for review" })).toBeEnabled();
  await write("The second account: the gauges are checked every morning before the first batch. ".repeat(3), "7");
  await expect(page.getByRole("status")).toContainText("Your narrative is waiting for a moderator");
  const texts = await narrativeTexts(contributor.id);
  expect(texts).toHaveLength(2);
  expect(texts[0]).toContain("The first account");
  expect(texts[1]).toContain("The second account");
  await context.close();
});

test("a draft sent, then shown again with Back and edited: sending says it was already sent and keeps the edit, which a reload puts back to send", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { contributor, context, page } = await signedInContributor(browser, baseURL);
  await page.goto(`/contribute/${SLUG}/narrative`);
  const editor = page.getByRole("textbox", { name: "Your narrative" });
  await editor.click();
  await page.keyboard.insertText("A draft first saved, then sent: sprockets are inspected under raking light. ".repeat(3));
  await page.getByLabel("Years in this role").fill("4");
  await expect(page.getByTestId("save-status")).toContainText("Draft saved", { timeout: 15_000 });
  // Rendered with the draft, as the probe found it.
  await page.reload();
  await expect(editor).toContainText("A draft first saved");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("status")).toContainText("Your narrative is waiting for a moderator");
  await page.getByRole("link", { name: "Follow it under “My contributions”" }).click();
  await expect(page).toHaveURL(/\/me\/contributions$/);
  await page.goBack();
  await expect(editor).toContainText("A draft first saved");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText(" Edited after going back.");
  await page.getByRole("button", { name: "Send for review" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "This draft was already sent" });
  await expect(refusal).toContainText("Your text is kept in this browser");
  await expect(refusal).toBeFocused();
  await expect(editor).toContainText("Edited after going back.");
  let texts = await narrativeTexts(contributor.id);
  expect(texts).toHaveLength(1);
  expect(texts[0]).not.toContain("Edited after going back.");

  await page.reload();
  await expect(editor).toContainText("Edited after going back.");
  await expect(page.getByLabel("Years in this role")).toHaveValue("4");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("status")).toContainText("Your narrative is waiting for a moderator");
  texts = await narrativeTexts(contributor.id);
  expect(texts).toHaveLength(2);
  expect(texts[1]).toContain("Edited after going back.");
  await context.close();
});

test("without JavaScript, a correction is sent with the key its page made", async ({ browser, baseURL }) => {
  const { contributor, context, page } = await signedInContributor(browser, baseURL, { javaScriptEnabled: false });
  await page.goto(`/contribute/${SLUG}/correct`);
  const key = await page.locator("input[name=idempotencyKey]").inputValue();
  await page.getByLabel("Your proposed value").fill("Inspect sprockets without any script.");
  await page.getByLabel("Why is this better? (required)").fill("Inspectors describe the work this way.");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByRole("status")).toContainText("waiting for a moderator");
  const rows = await queryRows<{ key: string }>(databaseUrl, `SELECT "idempotencyKey" AS key FROM "Submission" WHERE "authorId" = $1`, [contributor.id]);
  expect(rows).toEqual([{ key }]);
  await context.close();
});
