import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { seedPendingNarrative } from "../../tests/support/e2e/community-fixtures";
import { FIXTURE_CODES } from "../../tests/support/fixtures/onet-fixtures";
import { queryRows } from "../../tests/support/query-rows";
import { seedUser } from "../../tests/support/seed-users";
import { confirmationLinkFrom, e2eMailboxDir, waitForMessage } from "../../tests/support/smtp-capture";

// A contributor takes their data with them (JSON and Markdown), then deletes their account
// through the link emailed to their address (captured by the e2e SMTP server). The pending
// narrative sits on the security suite's page (99-0004.00) and is never published.

const databaseUrl = process.env.E2E_DATABASE_URL!;

test("a contributor downloads their data and deletes their account through the emailed link", async ({ page, baseURL }) => {
  test.slow();
  const suffix = Math.random().toString(36).slice(2, 8);
  const contributor = await seedUser({ databaseUrl, role: "CONTRIBUTOR", name: `Dana ${suffix}`, baseUrl: baseURL });
  await queryRows(databaseUrl, `INSERT INTO "Profile" ("userId", "displayName", "bio", "updatedAt") VALUES ($1, $2, $3, now())`, [contributor.id, `Dana ${suffix}`, `A private bio ${suffix}`]);
  const narrativeId = await seedPendingNarrative({ databaseUrl, authorId: contributor.id, occupationCode: FIXTURE_CODES.allOther, text: `My week as a test worker ${suffix}` });
  await page.context().addCookies([contributor.cookie]);

  await page.goto("/me/contributions");
  await page.getByRole("navigation", { name: "Your account" }).getByRole("link", { name: "My account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveText(contributor.email);

  // Download my data: both forms hold the profile and the narrative.
  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as JSON" }).click()]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^careerwiki-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await jsonDownload.path())!, "utf8")) as { account: { email: string }; profile: { bio: string }; submissions: { id: string; status: string }[] };
  expect(data.account.email).toBe(contributor.email);
  expect(data.profile.bio).toBe(`A private bio ${suffix}`);
  expect(data.submissions.map((s) => [s.id, s.status])).toEqual([[narrativeId, "PENDING"]]);
  expect(JSON.stringify(data)).toContain(`My week as a test worker ${suffix}`);
  const [markdownDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as Markdown" }).click()]);
  const markdown = await readFile((await markdownDownload.path())!, "utf8");
  expect(markdown).toContain("# Your Careerwiki data");
  expect(markdown).toContain(`My week as a test worker ${suffix}`);

  // Delete my account: nothing happens until the emailed link is opened and confirmed.
  await page.getByLabel("Also take my published narratives off the pages").check();
  await page.getByRole("button", { name: "Email me a link to delete my account" }).click();
  await expect(page.getByRole("status")).toContainText(`We sent a link to ${contributor.email}.`);
  const link = confirmationLinkFrom(await waitForMessage(e2eMailboxDir(), contributor.email));
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
  expect((await queryRows(databaseUrl, `SELECT 1 FROM "User" WHERE id = $1 AND "deletedAt" IS NULL`, [contributor.id])).length).toBe(1);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Delete your account" })).toBeVisible();
  await expect(page.getByText("Your published narratives will be taken off the pages.")).toBeVisible();
  await page.getByRole("button", { name: "Delete my account now" }).click();
  await expect(page.getByRole("status")).toContainText("Your account is deleted.");

  // Gone: signed out, personal data erased, the pending narrative withdrawn, the audit entry without personal data.
  await page.goto("/me/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fme%2Faccount$/);
  const [user] = await queryRows<{ email: string; name: string | null }>(databaseUrl, `SELECT email, name FROM "User" WHERE id = $1`, [contributor.id]);
  expect(user).toEqual({ email: `deleted-${contributor.id}@deleted.invalid`, name: null });
  expect(await queryRows(databaseUrl, `SELECT 1 FROM "Profile" WHERE "userId" = $1`, [contributor.id])).toEqual([]);
  expect(await queryRows(databaseUrl, `SELECT status::text FROM "Submission" WHERE id = $1`, [narrativeId])).toEqual([{ status: "WITHDRAWN" }]);
  const [deletion] = await queryRows<{ after: unknown }>(databaseUrl, `SELECT "after" FROM "AuditEntry" WHERE action = 'user.delete' AND "targetId" = $1`, [contributor.id]);
  expect(deletion?.after).toEqual({ withdrawnSubmissions: 1, withdrawnNarratives: 0 });

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work any more" })).toBeVisible();
});
