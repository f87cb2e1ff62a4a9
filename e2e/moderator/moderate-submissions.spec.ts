import { expect, test } from "@playwright/test";
import { seedUser } from "../../tests/support/seed-users";
import { decodedMessage, e2eMailboxDir, readMessages, waitForMessage } from "../../tests/support/smtp-capture";

// The whole journey on the fixture page "Test Gadget Technicians" (no other spec writes to it):
// a contributor sends a correction and a narrative; a moderator approves the correction and
// declines the narrative with a reason; a reader sees the correction on the page and in the
// Atom feed; the contributor sees the decline reason.

const databaseUrl = process.env.E2E_DATABASE_URL!;
const ROLE = "/roles/test-gadget-technicians";
const PROPOSED = "Repair, calibrate and document gadgets used by the test suite.";
const NARRATIVE = "I have repaired gadgets for seven years in a small workshop. Most days start with the queue of returns, then a long stretch of calibration and testing. The best part is finding the one loose contact that explains a week of strange faults. ";

test("correction and narrative: submitted, moderated, public, and the author sees the outcome", async ({ browser, baseURL, request }) => {
  test.setTimeout(90_000);
  const contributor = await seedUser({ databaseUrl, role: "CONTRIBUTOR", name: "Casey Contributor", baseUrl: baseURL });
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", name: "Morgan Moderator", baseUrl: baseURL });
  const authorContext = await browser.newContext();
  await authorContext.addCookies([contributor.cookie]);
  const author = await authorContext.newPage();

  // The reader's page is rendered and cached before anything changes.
  expect((await request.get(ROLE)).status()).toBe(200);

  // Contributor: a correction from the role page.
  await author.goto(ROLE);
  await author.getByRole("link", { name: "Suggest a correction" }).click();
  await expect(author.getByTestId("current-value")).toHaveText("Repair gadgets used by the test suite.");
  await author.getByLabel("Your proposed value").fill(PROPOSED);
  await author.getByLabel("Why is this better? (required)").fill("Calibration and documentation are half of the job today.");
  await author.getByLabel("Source link (optional)").fill("https://example.org/gadget-survey");
  await author.getByRole("button", { name: "Send for review" }).click();
  await expect(author.getByRole("status")).toContainText("Your correction is waiting for a moderator");

  // Contributor: a narrative in the rich-text editor, autosaved as a draft first.
  await author.goto(ROLE);
  await author.getByRole("link", { name: "Share your experience" }).click();
  const editor = author.getByRole("textbox", { name: "Your narrative" });
  // Type only into a hydrated, focused editor (under load the first characters were once lost).
  await expect(author.getByRole("button", { name: "Heading", exact: true })).toBeEnabled();
  await editor.click();
  await expect(editor).toBeFocused();
  await author.getByRole("button", { name: "Heading", exact: true }).click();
  await expect(editor).toBeFocused();
  await author.keyboard.type("A week at the bench");
  await expect(editor.getByRole("heading", { name: "A week at the bench" })).toBeVisible();
  await author.keyboard.press("Enter");
  await author.keyboard.type(NARRATIVE);
  await expect(author.getByTestId("save-status")).toContainText("Draft saved", { timeout: 15_000 });
  await author.getByLabel("Years in this role").fill("7");
  await author.getByLabel("What advice would you give a newcomer?").fill("Keep a log of every repair.");
  await author.getByRole("button", { name: "Send for review" }).click();
  await expect(author.getByRole("status")).toContainText("Your narrative is waiting for a moderator");

  // Moderator: the queue (filtered to this page), then the review of the correction.
  const moderatorContext = await browser.newContext();
  await moderatorContext.addCookies([moderator.cookie]);
  const mod = await moderatorContext.newPage();
  await mod.goto("/moderation?occupation=99-0002.00");
  await expect(mod.getByTestId("queue-counts")).toContainText("2 match the filters");
  await mod.getByRole("link", { name: "Description (change)" }).click();
  await expect(mod.getByRole("heading", { level: 1, name: "Correction: Description for Test Gadget Technicians" })).toBeVisible();
  await mod.getByRole("button", { name: "Claim" }).click();
  // The page re-renders with the claim (the Claim button is gone).
  await expect(mod.getByText("You have claimed this.")).toBeVisible();
  await expect(mod.locator(".diff ins").first()).toBeVisible();
  await expect(mod.getByText("Calibration and documentation are half of the job today.")).toBeVisible();
  const clickedAt = Date.now();
  await mod.getByRole("button", { name: "Approve" }).click();
  // The review page re-renders as decided (the decision forms are gone).
  await expect(mod.getByText("Decided by Morgan Moderator.")).toBeVisible();
  const approvedAt = Date.now();

  // Reader: the public page shows it; measure approval → public page.
  await expect
    .poll(async () => (await (await request.get(ROLE)).text()).includes(PROPOSED), { intervals: [25, 50, 100], timeout: 10_000 })
    .toBe(true);
  const elapsed = Date.now() - approvedAt;
  const fromClick = Date.now() - clickedAt;
  test.info().annotations.push({ type: "approval-to-public-page-ms", description: `${elapsed} (from the click: ${fromClick})` });
  console.log(`approval-to-public-page: ${elapsed} ms after the moderator saw the decision, ${fromClick} ms after the click`);
  // Target: within a second. Measured here (2 cores, the other Playwright worker busy): 0.6–0.65 s;
  // 1.2–2.4 s when other test runs share the machine (load average 13). Almost all of it is the
  // first re-render of the revalidated page. The bound catches a missing revalidation (which
  // would leave the cached page for up to an hour), not a slow machine.
  expect(elapsed).toBeLessThan(5000);

  // Moderator: decline the narrative with a one-click reason and a message.
  await mod.goto("/moderation?occupation=99-0002.00&kind=NARRATIVE");
  await mod.getByRole("link", { name: "Narrative" }).click();
  await expect(mod.getByRole("heading", { level: 1, name: "Narrative for Test Gadget Technicians" })).toBeVisible();
  await expect(mod.getByRole("heading", { name: "A week at the bench" })).toBeVisible();
  await expect(mod.getByText("Keep a log of every repair.")).toBeVisible();
  await mod.getByLabel("This is not about the occupation.").check();
  await mod.getByLabel(/Message to the author/).fill("Please write about the occupation in general, not one workshop.");
  await mod.getByRole("button", { name: "Decline" }).click();
  await expect(mod.getByText("Decided by Morgan Moderator: Please write about the occupation in general, not one workshop.")).toBeVisible();

  // Reader: the corrected value is in the Overview, marked, with the official value one
  // click away and a link to the change in the history.
  const reader = await browser.newPage();
  await reader.goto(ROLE);
  const corrected = reader.locator("section").filter({ has: reader.getByRole("heading", { level: 2, name: "Overview" }) }).getByTestId("corrected-value");
  await expect(corrected).toContainText(PROPOSED);
  await expect(corrected).toContainText("Corrected by practitioners");
  await expect(corrected.getByText("Repair gadgets used by the test suite.")).toBeHidden();
  await corrected.getByText(/^Official value \(O\*NET/).click();
  await expect(corrected.getByText("Repair gadgets used by the test suite.")).toBeVisible();
  await expect(corrected.getByRole("link", { name: "History of this change" })).toHaveAttribute("href", /\/roles\/test-gadget-technicians\/history#r\d+$/);
  // The JSON and Markdown forms carry it too, beside the official value.
  const json = (await (await request.get("/api/roles/99-0002.00")).json()) as { description: string; community: { corrections: { origin: string; field: string; value: unknown; official: unknown }[] } };
  expect(json.description).toBe("Repair gadgets used by the test suite.");
  expect(json.community.corrections).toContainEqual(expect.objectContaining({ origin: "community", field: "DESCRIPTION", value: PROPOSED, official: "Repair gadgets used by the test suite." }));
  expect(await (await request.get(`${ROLE}.md`)).text()).toContain(`${PROPOSED}\n\n_Community-contributed: corrected by practitioners`);
  await expect(reader.getByTestId("narrative")).toHaveCount(0);
  await reader.getByRole("link", { name: "Page history" }).click();
  await expect(reader.getByText("by Morgan Moderator")).toBeVisible();

  // The Atom feed lists the change.
  const feed = await request.get("/changes.atom");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain("<title>Test Gadget Technicians: Description</title>");
  expect(xml).toContain(PROPOSED);

  // Contributor: the decline reason, and the notifications.
  await author.goto("/me/contributions");
  await expect(author.getByText("Please write about the occupation in general, not one workshop.")).toBeVisible();
  await expect(author.getByText("Approved", { exact: true })).toBeVisible();
  await expect(author.getByTestId("unread-count")).toHaveText("2");
  await author.goto("/me/notifications");
  await expect(author.getByText("Your submission was declined.")).toBeVisible();
  // And by email (SMTP is configured in the e2e run): the decline with its reason.
  await waitForMessage(e2eMailboxDir(), contributor.email, { count: 2 });
  const emails = (await readMessages(e2eMailboxDir(), contributor.email)).map(decodedMessage);
  expect(emails.some((email) => email.includes("Subject: Approved: your correction (description) for Test Gadget Technicians"))).toBe(true);
  const declineEmail = emails.find((email) => email.includes("Subject: Declined: your narrative for Test Gadget Technicians"));
  expect(declineEmail).toBeDefined();
  expect(declineEmail).toContain("Reason: Please write about the occupation in general, not one workshop.");

  await authorContext.close();
  await moderatorContext.close();
});

test("the moderation queue is closed to contributors and to anonymous visitors", async ({ browser, baseURL }) => {
  const contributor = await seedUser({ databaseUrl, role: "CONTRIBUTOR", baseUrl: baseURL });
  const context = await browser.newContext();
  await context.addCookies([contributor.cookie]);
  const page = await context.newPage();
  expect((await page.goto("/moderation"))?.status()).toBe(404);
  const anonymous = await browser.newPage();
  await anonymous.goto("/moderation");
  expect(new URL(anonymous.url()).pathname).toBe("/sign-in");
  await context.close();
});
