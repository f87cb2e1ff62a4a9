import { expect, test } from "@playwright/test";
import { COMMUNITY_FIXTURES, seedPendingNarrative } from "../../tests/support/e2e/community-fixtures";
import { queryRows } from "../../tests/support/query-rows";
import { seedUser } from "../../tests/support/seed-users";
import { decodedMessage, e2eMailboxDir, waitForMessage } from "../../tests/support/smtp-capture";

// On an occupation of its own (tests/support/e2e/community-fixtures.ts), which no other spec writes to.
const databaseUrl = process.env.E2E_DATABASE_URL!;
const { code, slug, title } = COMMUNITY_FIXTURES.practitioner;
const BADGE = `Verified practitioner: ${title}`;

test("a practitioner asks to be verified, a moderator grants it, and the badge shows on their published narrative and public profile", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const [practitioner, moderator] = await Promise.all([
    seedUser({ databaseUrl, name: "Glenn Glassblower", baseUrl: baseURL }),
    seedUser({ databaseUrl, role: "MODERATOR", name: "Mira Moderator", baseUrl: baseURL }),
  ]);
  const workEmail = `glenn-${practitioner.id.slice(-8)}@glassworks.example`;

  // The practitioner asks, with a credential and a work address confirmed by the link sent to it.
  const practitionerContext = await browser.newContext();
  await practitionerContext.addCookies([practitioner.cookie]);
  const page = await practitionerContext.newPage();
  await page.goto("/me/verifications");
  await page.getByLabel("Occupation (its O*NET-SOC code)").fill(code);
  await page.getByLabel("Licence or credential: issuer").fill("Guild of Test Glass Blowers");
  await page.getByLabel("Licence or credential: number").fill("GTG-4471");
  await page.getByLabel("Work email address (we send it a link to confirm)").fill(workEmail);
  await page.getByRole("button", { name: "Ask to be verified" }).click();
  await expect(page.getByRole("status")).toContainText(`Your request to be verified as a practitioner of ${title} is waiting for a moderator. We sent a link to ${workEmail}`, {
    // The request and the email to the work address, on a loaded machine.
    timeout: 30_000,
  });
  const email = decodedMessage(await waitForMessage(e2eMailboxDir(), workEmail));
  const link = /https?:\/\/[^\s"'<>]+\/me\/verifications\/confirm\?token=[A-Za-z0-9_-]+/.exec(email)?.[0];
  expect(link).toBeTruthy();
  // Opened in a browser without a session (the work mailbox may be on another device).
  const mailboxContext = await browser.newContext();
  const mailbox = await mailboxContext.newPage();
  await mailbox.goto(link!);
  await expect(mailbox.getByRole("heading", { level: 1, name: "Confirm your work address" })).toBeVisible();
  await mailbox.getByRole("button", { name: "Confirm this address" }).click();
  await expect(mailbox.getByRole("status")).toContainText(`Confirmed: ${workEmail}`, { timeout: 30_000 });

  // The moderator sees the private evidence and grants it.
  const moderatorContext = await browser.newContext();
  await moderatorContext.addCookies([moderator.cookie]);
  const mod = await moderatorContext.newPage();
  await mod.goto("/moderation/verifications");
  const request = mod.getByTestId("pending-verification").filter({ hasText: "Glenn Glassblower" });
  await expect(request).toContainText("Guild of Test Glass Blowers, number GTG-4471");
  await expect(request).toContainText(`${workEmail} (confirmed by its link)`);
  await request.getByRole("button", { name: "Grant" }).click();
  // The list is rendered again: the request moves to the running verifications.
  await expect(mod.getByTestId("active-verification").filter({ hasText: "Glenn Glassblower" })).toContainText(/until \d{4}-\d{2}-\d{2}: The evidence checks out\./, { timeout: 30_000 });
  await expect(request).toHaveCount(0);
  await mod.goto("/moderation/people?q=Glenn+Glassblower");
  await expect(mod.getByTestId("person-verifications")).toHaveText(`Verified: ${title}`, { useInnerText: true });

  // The practitioner is told, in the app.
  await page.goto("/me/notifications");
  await expect(page.getByText(`You were verified as a practitioner. (${code})`)).toBeVisible();

  // Their narrative is approved by the moderator.
  const narrativeId = await seedPendingNarrative({ databaseUrl, authorId: practitioner.id, occupationCode: code, text: "Most of the day is spent at the furnace, turning the pipe and watching the colour of the glass." });
  await mod.goto(`/moderation/${narrativeId}`);
  await expect(mod.getByTestId("practitioner-reviews")).toContainText("Practitioner reviews (0)");
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText("Decided by Mira Moderator.")).toBeVisible({ timeout: 30_000 });

  // A reader sees the badge on the role page, and the public profile it links to.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await expect(async () => {
    await reader.goto(`/roles/${slug}`);
    await expect(reader.getByTestId("narrative")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const narrative = reader.getByTestId("narrative");
  await expect(narrative.getByTestId("practitioner-badge")).toHaveText(`✓ ${BADGE}`);
  const [user] = await queryRows<{ number: number }>(databaseUrl, `SELECT number FROM "User" WHERE id = $1`, [practitioner.id]);
  const number = user!.number;
  await narrative.getByRole("link", { name: "Glenn Glassblower" }).click();
  await expect(reader).toHaveURL(new RegExp(`/people/${number}$`));
  await expect(reader.getByRole("heading", { level: 1, name: "Glenn Glassblower" })).toBeVisible();
  await expect(reader.getByTestId("practitioner-badge")).toHaveText(`✓ ${BADGE}`);
  // The evidence and the addresses stay private.
  const profileHtml = await reader.content();
  for (const secret of ["GTG-4471", "Guild of Test Glass Blowers", workEmail, practitioner.email]) expect(profileHtml).not.toContain(secret);
  expect((await reader.request.get(`/api/roles/${code}`).then((r) => r.text())).includes("GTG-4471")).toBe(false);
  // An unknown person is not found.
  expect((await reader.request.get("/people/987654321")).status()).toBe(404);

  for (const context of [practitionerContext, mailboxContext, moderatorContext, readerContext]) await context.close();
});
