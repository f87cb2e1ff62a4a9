import { expect, type Page, test } from "@playwright/test";
import { seedPendingNarrative } from "../../tests/support/e2e/community-fixtures";
import { FIXTURE_CODES } from "../../tests/support/fixtures/onet-fixtures";
import { queryRows } from "../../tests/support/query-rows";
import { seedUser } from "../../tests/support/seed-users";
import { closeDatabase, insertCorrection, insertProfile, insertSecondLook } from "../security/security-data";

// A refused action leaves every control as the person set it (React resets a form after its
// action; text came back, ticks, radios and selects did not), and the focus on the answer.
// The seeded submissions sit on the security suite's page (99-0004.00), whose queue no spec counts.

const databaseUrl = process.env.E2E_DATABASE_URL!;
test.afterAll(closeDatabase);

test("a suspension refused for its short reason keeps “Decline them all now” and the date; fixed, it declines the pending submissions", async ({ browser, baseURL }) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const admin = await seedUser({ databaseUrl, role: "ADMIN", name: "Suspending Admin", baseUrl: baseURL });
  const spammer = await seedUser({ databaseUrl, role: "CONTRIBUTOR", name: `Suspended ${suffix}`, baseUrl: baseURL });
  const pending = await seedPendingNarrative({ databaseUrl, authorId: spammer.id, occupationCode: FIXTURE_CODES.allOther, text: `Cheap widgets ${suffix}` });
  const context = await browser.newContext();
  await context.addCookies([admin.cookie]);
  const page = await context.newPage();
  await page.goto(`/moderation/people/${spammer.id}`);
  const form = page.getByRole("form", { name: "Suspend", exact: true });
  await form.getByLabel(/^Reason/).fill("abc");
  await form.getByLabel(/^Until/).fill("2030-01-01");
  await form.getByLabel("Decline them all now").check();
  await form.getByRole("button", { name: "Suspend" }).click();
  const refusal = form.getByRole("alert");
  await expect(refusal).toContainText("at least 5 characters", { timeout: 15_000 });
  await expect(refusal).toBeFocused();
  await expect(form.getByLabel("Decline them all now")).toBeChecked();
  await expect(form.getByLabel("Keep them in the queue for a moderator to decide")).not.toBeChecked();
  await expect(form.getByLabel(/^Until/)).toHaveValue("2030-01-01");
  await expect(form.getByLabel(/^Reason/)).toHaveValue("abc");

  await form.getByLabel(/^Reason/).fill("Posts spam on every page");
  await form.getByRole("button", { name: "Suspend" }).click();
  await expect(form.getByRole("status")).toContainText("1 pending submission declined.", { timeout: 15_000 });
  await expect(form.getByRole("status")).toBeFocused();
  expect(await queryRows<{ status: string }>(databaseUrl, `SELECT status FROM "Submission" WHERE id = $1`, [pending])).toEqual([{ status: "DECLINED" }]);
  await context.close();
});

test("a decline refused for its short “Other” message keeps “Other” chosen and the message; the focus is on the refusal", async ({ browser, baseURL }) => {
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", name: "Declining Moderator", baseUrl: baseURL });
  const author = await seedUser({ databaseUrl, name: "Declined Author", baseUrl: baseURL });
  const submission = await insertCorrection(author.id);
  const context = await browser.newContext();
  await context.addCookies([moderator.cookie]);
  const page = await context.newPage();
  await page.goto(`/moderation/${submission}`);
  const form = page.getByRole("form", { name: "Decline" });
  await form.getByLabel("Other (explained in the message).").check();
  await form.getByLabel(/^Message to the author/).fill("Too short");
  await form.getByRole("button", { name: "Decline" }).click();
  const refusal = form.getByRole("alert");
  await expect(refusal).toContainText("at least 10 characters", { timeout: 15_000 });
  await expect(refusal).toBeFocused();
  await expect(form.getByLabel("Other (explained in the message).")).toBeChecked();
  await expect(form.getByLabel(/^Message to the author/)).toHaveValue("Too short");

  // Decided, the forms leave the page; their answer stays, shown, announced and focused.
  await form.getByLabel(/^Message to the author/).fill("Not what this page is about at all.");
  await form.getByRole("button", { name: "Decline" }).click();
  await expect(page.getByTestId("left-answer")).toHaveText("Declined. The author will see your reason.", { timeout: 15_000 });
  await expect(page.getByTestId("left-answer")).toBeFocused();
  await expect(page.getByTestId("left-answer")).toHaveRole("status");
  await expect(page.getByRole("form", { name: "Decline" })).toHaveCount(0);
  await context.close();
});

/** Ticks every box, picks each radio group's last choice and each select's last option; fills empty text. */
async function chooseOtherThanDefaults(page: Page, formIndex: number) {
  await page.locator("main form").nth(formIndex).evaluate((form) => {
    for (const field of (form as HTMLFormElement).elements) {
      if (field instanceof HTMLSelectElement && field.name) field.selectedIndex = field.options.length - 1;
      else if (field instanceof HTMLInputElement && field.name && field.type === "checkbox") field.checked = !field.checked;
      else if (field instanceof HTMLInputElement && field.name && field.type === "radio") {
        const group = [...(form as HTMLFormElement).querySelectorAll<HTMLInputElement>(`input[type=radio][name="${field.name}"]`)];
        field.checked = field === group.at(-1);
      } else if ((field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && field.name && field.type !== "hidden" && field.value === "") {
        field.value = field.type === "date" ? "2030-01-01" : field.type === "email" ? "someone@example.org" : "Some words for the test";
      }
    }
  });
}

/** Every named control's state: ticks, chosen radios and options, and text. */
async function controlStates(page: Page, formIndex: number) {
  return page.locator("main form").nth(formIndex).evaluate((form) =>
    [...(form as HTMLFormElement).elements].flatMap((field) => {
      if (field instanceof HTMLSelectElement && field.name) return [`${field.name}=${field.value}`];
      if (field instanceof HTMLInputElement && field.name && (field.type === "checkbox" || field.type === "radio")) return [`${field.name}:${field.value}=${field.checked}`];
      if ((field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && field.name && field.type !== "hidden") return [`${field.name}=${field.value}`];
      return [];
    }),
  );
}

test("every form with ticks, radios or selects keeps what was chosen when its action is refused (here: signed out meanwhile)", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const admin = await seedUser({ databaseUrl, role: "ADMIN", name: "Form Walking Admin", baseUrl: baseURL });
  const other = await seedUser({ databaseUrl, name: "Form Walking Person", baseUrl: baseURL });
  await insertProfile(admin.id);
  const submission = await insertCorrection(other.id);
  const secondLook = await insertSecondLook(other.id);
  const [look] = await queryRows<{ submissionId: string }>(databaseUrl, `SELECT "submissionId" FROM "SecondLook" WHERE id = $1`, [secondLook]);
  const pages = ["/profile", "/me/account", `/moderation/people/${other.id}`, `/moderation/${submission}`, `/moderation/second-looks?whose=all&submission=${look!.submissionId}`];
  const context = await browser.newContext();
  const page = await context.newPage();
  // Signed out in the database just before sending (clearing the cookie could race the page's
  // own session refresh, which sets it again), and in again away from any page.
  const expires = new Date(Date.now() + 3_600_000);
  const signIn = async () => {
    await page.goto("about:blank");
    await queryRows(databaseUrl, `INSERT INTO "Session" ("sessionToken", "userId", "expires", "updatedAt") VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING`, [admin.sessionToken, admin.id, expires]);
    await context.addCookies([admin.cookie]);
  };
  const signOut = () => queryRows(databaseUrl, `DELETE FROM "Session" WHERE "sessionToken" = $1`, [admin.sessionToken]);
  const walked: string[] = [];
  for (const path of pages) {
    await signIn();
    await page.goto(path);
    // The page's forms posting to a server action (not GET filters) with a tick, radio or select.
    const forms = await page.locator("main form").evaluateAll((all) =>
      all.flatMap((form, index) => form.getAttribute("method")?.toLowerCase() !== "get" && form.querySelector("input[type=checkbox][name], input[type=radio][name], select[name]") ? [index] : []),
    );
    for (const index of forms) {
      await signIn();
      await page.goto(path);
      await chooseOtherThanDefaults(page, index);
      const chosen = await controlStates(page, index);
      await signOut();
      await page.locator("main form").nth(index).locator("button[type=submit]").click();
      await expect(page.locator("main form").nth(index)).toContainText("Please sign in first.", { timeout: 15_000 });
      expect(await controlStates(page, index), `${path}, form ${index}`).toEqual(chosen);
      walked.push(`${path} ${index}`);
    }
  }
  // The suspend, role, decline, second-look, visibility, profile sector and account deletion forms at least.
  expect(walked.length).toBeGreaterThanOrEqual(7);
  await context.close();
});

test("the audit log with “From” after “To” says the days are reversed instead of “0 match”", async ({ browser, baseURL }) => {
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", name: "Audit Reading Moderator", baseUrl: baseURL });
  const context = await browser.newContext();
  await context.addCookies([moderator.cookie]);
  const page = await context.newPage();
  await page.goto("/moderation/audit?from=2027-01-01&to=2026-01-01");
  await expect(page.locator("main").getByRole("alert")).toContainText("The “From” day is after the “To” day: swap them to see the entries between them.");
  await expect(page.getByTestId("audit-showing")).not.toContainText("0 match");
  await context.close();
});
