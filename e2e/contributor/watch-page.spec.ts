import { expect, test } from "@playwright/test";
import { COMMUNITY_FIXTURES } from "../../tests/support/e2e/community-fixtures";
import { seedUser } from "../../tests/support/seed-users";
import { decodedMessage, e2eMailboxDir, waitForMessage } from "../../tests/support/smtp-capture";

// Watching a page, on the fixture page "Test Watch Repairers" (no other spec writes to it): a
// contributor watches it from the role page; an author's correction is approved by a moderator;
// the watcher sees the notification (and gets the email); the page's Atom feed lists the change.

const databaseUrl = process.env.E2E_DATABASE_URL!;
const { code, slug, title, description } = COMMUNITY_FIXTURES.watch;
const ROLE = `/roles/${slug}`;
const PROPOSED = "Repair, regulate and clean mechanical watches for the test suite.";

test("a watcher is told when a moderator approves a correction of the page, and its feed lists the change", async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const watcher = await seedUser({ databaseUrl, role: "CONTRIBUTOR", name: "Wanda Watcher", baseUrl: baseURL });
  const author = await seedUser({ databaseUrl, role: "CONTRIBUTOR", name: "Casey Contributor", baseUrl: baseURL });
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", name: "Morgan Moderator", baseUrl: baseURL });

  // The page stays cacheable with the watch button on it (its state is asked from the browser),
  // and advertises its feed.
  const anonymous = await request.get(ROLE);
  expect(anonymous.status()).toBe(200);
  expect(anonymous.headers()["cache-control"] ?? "").not.toMatch(/private|no-store/);
  const links = (await anonymous.text()).match(/<link [^>]*>/g) ?? [];
  expect(links.filter((link) => link.includes('rel="alternate"') && link.includes('type="application/atom+xml"') && link.includes(`${ROLE}/changes.atom"`))).toHaveLength(1);

  // Watcher: watches the page from its top.
  const watcherContext = await browser.newContext();
  await watcherContext.addCookies([watcher.cookie]);
  const watching = await watcherContext.newPage();
  await watching.goto(ROLE);
  await watching.getByRole("button", { name: "Watch this page" }).click();
  await expect(watching.getByRole("status").filter({ hasText: "You are watching" })).toContainText(`You are watching ${title}`, { timeout: 15_000 });
  await watching.reload();
  await expect(watching.getByRole("button", { name: "Stop watching" })).toBeVisible();
  await watching.goto("/me/watching");
  await expect(watching.getByTestId("watched-page")).toHaveCount(1);
  await expect(watching.getByTestId("watched-page")).toContainText(title);

  // Author: a correction of the description.
  const authorContext = await browser.newContext();
  await authorContext.addCookies([author.cookie]);
  const writing = await authorContext.newPage();
  await writing.goto(`/contribute/${slug}/correct`);
  await expect(writing.getByTestId("current-value")).toHaveText(description);
  await writing.getByLabel("Your proposed value").fill(PROPOSED);
  await writing.getByLabel("Why is this better? (required)").fill("Regulating and cleaning are most of the work.");
  await writing.getByRole("button", { name: "Send for review" }).click();
  await expect(writing.getByRole("status")).toContainText("Your correction is waiting for a moderator");

  // Moderator: approves it from the queue.
  const moderatorContext = await browser.newContext();
  await moderatorContext.addCookies([moderator.cookie]);
  const mod = await moderatorContext.newPage();
  await mod.goto(`/moderation?occupation=${code}`);
  await mod.getByRole("link", { name: "Description (change)" }).click();
  await mod.getByRole("button", { name: "Claim" }).click();
  await expect(mod.getByText("You have claimed this.")).toBeVisible();
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText("Decided by Morgan Moderator.")).toBeVisible();

  // Watcher: the notification says what changed and links it in the page's history.
  await watching.goto("/me/notifications");
  const notification = watching.getByTestId("notification").filter({ hasText: `${title} changed` });
  await expect(notification).toContainText(`${title} changed: Description: ${PROPOSED}`);
  await expect(watching.getByTestId("unread-count")).toHaveText("1");
  await notification.getByRole("link", { name: "See what changed" }).click();
  await expect(watching).toHaveURL(new RegExp(`${ROLE}/history#r\\d+$`));
  await expect(watching.getByRole("link", { name: "Follow this page's changes (Atom feed)" })).toHaveAttribute("href", `${ROLE}/changes.atom`);
  // And the email, sent after the approval through the outbox.
  const email = decodedMessage(await waitForMessage(e2eMailboxDir(), watcher.email));
  expect(email).toContain(`Subject: Changed: ${title}`);
  expect(email).toContain(`${ROLE}/history#r`);

  // The page's Atom feed (cached, revalidated by the approval) lists the change.
  await expect.poll(async () => (await (await request.get(`${ROLE}/changes.atom`)).text()).includes(PROPOSED), { intervals: [100, 250, 500], timeout: 10_000 }).toBe(true);
  const feed = await request.get(`${ROLE}/changes.atom`);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain(`<title>Careerwiki: changes to ${title}</title>`);
  expect(xml).toContain(`<title>${title}: Description</title>`);
  expect(xml).toContain("<name>Morgan Moderator</name>");

  // Watcher: stops watching from the list.
  await watching.goto("/me/watching");
  await watching.getByRole("button", { name: "Stop watching" }).click();
  await expect(watching.getByText("You no longer watch this page.")).toBeVisible();
  await watching.reload();
  await expect(watching.getByText("You watch no pages yet.")).toBeVisible();

  await Promise.all([watcherContext.close(), authorContext.close(), moderatorContext.close()]);
});
