import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { seedUser, setUserBanned } from "../../tests/support/seed-users";
import { e2eMailboxDir, magicLinkFrom, waitForMessage } from "../../tests/support/smtp-capture";

// The real magic-link flow: scripts/e2e-server.ts runs an SMTP capture server and points the
// app's EMAIL_SERVER at it; each message lands as a file in E2E_MAILBOX_DIR. Every test uses
// its own address, so the two parallel workers never read each other's mail.
const uniqueEmail = (label: string) => `${label}-${randomBytes(5).toString("hex")}@example.test`;

async function requestLink(page: Page, email: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
}

test("sign in with a real magic link, edit the profile, sign out", async ({ page, baseURL }) => {
  test.slow(); // a long journey: about twenty page loads and form posts
  const email = uniqueEmail("ada");

  // The profile needs a session: it sends you to sign in, and back afterwards.
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  // An invalid address is explained, and what was typed stays.
  await requestLink(page, "ada at example");
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue("ada at example");
  await expect(page.getByLabel("Email address")).toBeFocused();

  await requestLink(page, email);
  await expect(page).toHaveURL(/\/sign-in\/check-email$/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const message = await waitForMessage(e2eMailboxDir(), email);
  const link = magicLinkFrom(message);
  expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
  await page.goto(link);

  // Signed in, back on the profile; the header knows (its name is the address until a display name is saved).
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  const account = page.getByRole("navigation", { name: "Account" });
  await expect(account.getByTestId("account-name")).toHaveText(email);
  expect((await page.context().cookies()).map((c) => c.name)).toContain("authjs.session-token");

  // Invalid input: field errors in live regions, nothing typed is lost.
  await page.getByLabel("Display name").fill("Ada Practitioner");
  await page.getByLabel("Current job title").fill("Senior widget engineer");
  await page.getByLabel("Occupations you have worked in").fill("99-0001.00\nAstronaut");
  await page.getByLabel("Years of experience", { exact: true }).fill("lots");
  await page.getByLabel("Sector").selectOption("private");
  await page.getByLabel("Region (optional)").fill("Ohio");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter your years of experience as a whole number, like 7.")).toBeVisible();
  await expect(page.locator("#yearsExperience-error")).toHaveAttribute("aria-live", "polite");
  await expect(page.getByLabel("Display name")).toHaveValue("Ada Practitioner");
  await expect(page.getByLabel("Region (optional)")).toHaveValue("Ohio");
  await expect(page.getByLabel("Sector")).toHaveValue("private");

  // The occupations are checked against the database.
  await page.getByLabel("Years of experience", { exact: true }).fill("7");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("“Astronaut” is not an occupation in Careerwiki.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Occupations you have worked in")).toHaveValue("99-0001.00\nAstronaut");

  await page.getByLabel("Occupations you have worked in").fill("99-0001.00\ntest gadget technicians");
  await page.getByLabel("Short bio (optional)").fill("I design widgets.");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Your profile is saved.");
  await expect(account.getByTestId("account-name")).toHaveText("Ada Practitioner");

  // Saved for real: a fresh load shows it.
  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Ada Practitioner");
  await expect(page.getByLabel("Years of experience", { exact: true })).toHaveValue("7");
  await expect(page.getByLabel("Occupations you have worked in")).toHaveValue("99-0001.00 Test Widget Engineers\n99-0002.00 Test Gadget Technicians");
  await expect(page.getByLabel("Short bio (optional)")).toHaveValue("I design widgets.");

  // The link worked once only.
  await page.goto(link);
  await expect(page.getByText("That sign-in link has expired or was already used.")).toBeVisible();
  await expect(page.getByText("You are already signed in.")).toBeVisible();

  // Sign out from the header: the session is gone.
  await page.goto("/profile");
  await account.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new URL("/", baseURL).href);
  await expect(account.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
});

test("a foreign callbackUrl never leaves the site", async ({ page, baseURL }) => {
  const email = uniqueEmail("redirect");
  await page.goto("/sign-in?callbackUrl=//evil.example/steal");
  await expect(page.locator('input[name="callbackUrl"]')).toHaveValue("/");
  await requestLink(page, email);
  await expect(page).toHaveURL(/\/sign-in\/check-email$/);
  const link = new URL(magicLinkFrom(await waitForMessage(e2eMailboxDir(), email)));
  // Tamper with the link itself: Auth.js' redirect callback refuses it too.
  link.searchParams.set("callbackUrl", "https://localhost.evil.example/");
  await page.goto(link.href);
  await expect(page).toHaveURL(new URL("/", baseURL).href);
  await expect(page.getByRole("navigation", { name: "Account" }).getByTestId("account-name")).toHaveText(email);
});

test("the per-address limit on sign-in emails trips with a clear message", async ({ page }) => {
  test.slow(); // six sign-in requests
  const email = uniqueEmail("limited");
  for (let i = 0; i < 5; i++) {
    await page.goto("/sign-in");
    await requestLink(page, email);
    await expect(page).toHaveURL(/\/sign-in\/check-email$/);
  }
  await page.goto("/sign-in");
  await requestLink(page, email);
  await expect(page.locator("main").getByRole("alert")).toContainText("Too many sign-in links were requested for this email address. Please try again in");
  await expect(page.locator("main").getByRole("alert")).toBeFocused();
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await waitForMessage(e2eMailboxDir(), email, { count: 5 });
});

test("API sign-in (seeded session) opens the profile, and a ban takes effect at once", async ({ page, context, baseURL }) => {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run through `npm run test:e2e`");
  const moderator = await seedUser({ databaseUrl, role: "MODERATOR", name: "Mo Derator", baseUrl: baseURL });
  await context.addCookies([moderator.cookie]);
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${moderator.email}`)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" }).getByTestId("account-name")).toHaveText("Mo Derator");

  await setUserBanned(databaseUrl, moderator.id, true);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("reader pages stay cacheable with the account menu in the header", async ({ request }) => {
  const response = await request.get("/roles/test-widget-engineers");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).not.toMatch(/no-store|private/);
});

test("the development mailbox is off unless CAREERWIKI_DEV_MAILBOX=1", async ({ request }) => {
  expect((await request.get("/dev/mailbox")).status()).toBe(404);
});
