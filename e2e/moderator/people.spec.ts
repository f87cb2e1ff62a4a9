import { expect, test } from "@playwright/test";
import { seedPendingNarrative } from "../../tests/support/e2e/community-fixtures";
import { FIXTURE_CODES } from "../../tests/support/fixtures/onet-fixtures";
import { queryRows } from "../../tests/support/query-rows";
import { seedUser } from "../../tests/support/seed-users";
import { e2eMailboxDir, magicLinkFrom, waitForMessage } from "../../tests/support/smtp-capture";

// An admin finds a spammer on /moderation/people, cleans up in one step (suspended, every
// pending submission declined, each audited), and the spammer's session stops working at
// once; their next sign-in is refused with the reason. The pending narratives sit on the
// security suite's page (99-0004.00), whose queue no spec counts, and never get published.

const databaseUrl = process.env.E2E_DATABASE_URL!;

test("an admin suspends a spammer and cleans up their pending submissions", async ({ browser, baseURL }) => {
  test.slow();
  const suffix = Math.random().toString(36).slice(2, 8);
  const admin = await seedUser({ databaseUrl, role: "ADMIN", name: "Ada Admin", baseUrl: baseURL });
  const spammer = await seedUser({ databaseUrl, role: "CONTRIBUTOR", name: `Spammy ${suffix}`, baseUrl: baseURL });
  const pending = [];
  for (const n of [1, 2]) pending.push(await seedPendingNarrative({ databaseUrl, authorId: spammer.id, occupationCode: FIXTURE_CODES.allOther, text: `Buy cheap widgets ${suffix} number ${n}` }));

  const spammerContext = await browser.newContext();
  await spammerContext.addCookies([spammer.cookie]);
  const spammerPage = await spammerContext.newPage();
  await spammerPage.goto("/me/contributions");
  await expect(spammerPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(spammerPage).toHaveURL(/\/me\/contributions$/);

  const adminContext = await browser.newContext();
  await adminContext.addCookies([admin.cookie]);
  const page = await adminContext.newPage();
  await page.goto("/moderation");
  await page.getByRole("navigation", { name: "Your account" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await page.getByLabel("Name or email").fill(`spammy ${suffix}`);
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByTestId("people-count")).toContainText(`1 account match “spammy ${suffix}”`);
  const row = page.getByRole("row", { name: new RegExp(`Spammy ${suffix}`) });
  const day = /^\d{4}-\d{2}-\d{2}$/;
  // As a wide screen shows them (each cell's label appears only when the rows stack on a phone).
  await expect(row.getByRole("rowheader")).toHaveText(`Spammy ${suffix}`);
  await expect(row.getByRole("cell")).toHaveText([spammer.email, "contributor", day, day, "0", "0", "2", "0", ""], { useInnerText: true });
  await row.getByRole("link", { name: `Spammy ${suffix}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Spammy ${suffix}` })).toBeVisible();
  await expect(page.getByTestId("contribution-counts")).toHaveText("0 approved, 0 declined, 2 pending, 0 reported");
  await page.getByRole("button", { name: "Suspend and decline everything pending" }).click();
  await expect(page.getByRole("status")).toHaveText("Suspended indefinitely and 2 pending submissions declined.");
  await page.reload();
  await expect(page.getByTestId("suspension-status")).toContainText("Suspended indefinitely");
  await expect(page.getByTestId("suspension-status")).toContainText("by Ada Admin");
  await expect(page.getByTestId("contribution-counts")).toHaveText("0 approved, 2 declined, 0 pending, 0 reported");

  // Each item and the suspension are in the audit log.
  const audit = await queryRows<{ action: string; targetId: string }>(databaseUrl, `SELECT action, "targetId" FROM "AuditEntry" WHERE "actorId" = $1 ORDER BY "createdAt", id`, [admin.id]);
  expect(audit.filter((entry) => entry.action === "submission.decline").map((entry) => entry.targetId).sort()).toEqual([...pending].sort());
  expect(audit.filter((entry) => entry.action === "user.suspend").map((entry) => entry.targetId)).toEqual([spammer.id]);
  await page.goto("/moderation/audit");
  await expect(page.getByRole("rowheader", { name: "user.suspend" }).first()).toBeVisible();

  // The spammer's open page: the next request has no session any more.
  await spammerPage.goto("/me/contributions");
  await expect(spammerPage).toHaveURL(/\/sign-in\?callbackUrl=/);

  // Signing in again: the link comes, following it shows why the account cannot sign in.
  await spammerPage.getByLabel("Email address").fill(spammer.email);
  await spammerPage.getByRole("button", { name: "Email me a sign-in link" }).click();
  await spammerPage.goto(magicLinkFrom(await waitForMessage(e2eMailboxDir(), spammer.email)));
  await expect(spammerPage.getByRole("main").getByRole("alert")).toHaveText(
    "This account is suspended indefinitely. Reason: Spam: this account posted advertising or junk. If you think this is a mistake, contact the moderators.",
  );

  // An admin lifts it; that is audited too.
  await page.goto(`/moderation/people/${spammer.id}`);
  await page.getByRole("button", { name: "Lift the suspension" }).click();
  // The page is rendered again without the suspension (and without the form that lifted it).
  await expect(page.getByTestId("suspension-status")).toHaveText("Active");
  expect((await queryRows(databaseUrl, `SELECT 1 FROM "AuditEntry" WHERE action = 'user.lift-suspension' AND "targetId" = $1`, [spammer.id])).length).toBe(1);
  await spammerContext.close();
  await adminContext.close();
});
